"""The organisations' write rules: registration, verification, members and invitations."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from oscar.core.loading import get_model

from marketplace.organisations import services
from marketplace.organisations.models import Invitation, Membership, Role, Supplier
from tests.factories import (
    BuyerFactory,
    ImpactAreaFactory,
    LabelFactory,
    MembershipFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    UserFactory,
)

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def partner_user_emails(supplier):
    return sorted(Partner.objects.get(pk=supplier.partner_id).users.values_list("email", flat=True))


def member_emails(organisation):
    return sorted(organisation.memberships.values_list("user__email", flat=True))


def register(name="Green Cleaners", created_by=None, **fields):
    fields.setdefault("region", RegionFactory(country="FR"))
    supplier = Supplier(name=name, legal_form=Supplier.LegalForm.COOPERATIVE, country="FR", **fields)
    return services.supplier_create(supplier=supplier, created_by=created_by, sectors=[SectorFactory()])


class TestSupplierCreate:
    def test_a_new_supplier_waits_for_verification(self):
        supplier = register(verified=True)

        assert Supplier.objects.get(pk=supplier.pk).verified is False

    def test_its_creator_becomes_its_administrator(self):
        creator = UserFactory()

        supplier = register(created_by=creator)

        membership = Membership.objects.get(organisation=supplier)
        assert membership.user == creator
        assert membership.role == Role.ADMIN

    def test_it_gets_a_shop_partner_of_the_same_name_run_by_its_members(self):
        creator = UserFactory(email="creator@example.org")

        supplier = register(name="Green Cleaners", created_by=creator)

        partner = Partner.objects.get(pk=supplier.partner_id)
        assert partner.name == "Green Cleaners"
        assert partner_user_emails(supplier) == ["creator@example.org"]

    def test_its_slug_comes_from_its_name(self):
        assert register(name="Green Cleaners").slug == "green-cleaners"

    def test_two_suppliers_with_the_same_name_get_different_addresses(self):
        first = register(name="Green Cleaners")
        second = register(name="Green Cleaners")

        assert first.slug != second.slug
        assert second.slug.startswith("green-cleaners")

    def test_a_supplier_and_a_buyer_with_the_same_name_get_different_addresses(self):
        buyer = BuyerFactory(name="Green Cleaners")

        assert register(name="Green Cleaners").slug != buyer.slug

    @pytest.mark.parametrize("name", ["New", "Edit", "Members", "Join", "Register", "Search"])
    def test_reserved_paths_are_never_used_as_slugs(self, name):
        supplier = register(name=name)

        assert supplier.slug not in services.RESERVED_SLUGS
        assert supplier.slug.startswith(name.lower())

    def test_a_name_without_latin_letters_still_gets_a_slug(self):
        first = register(name="Задруга")
        second = register(name="Задруга")

        assert first.slug
        assert second.slug
        assert first.slug != second.slug

    def test_by_default_it_serves_its_own_region(self):
        lorraine = RegionFactory(country="FR", name="Lorraine")

        supplier = register(region=lorraine)

        assert [(str(a.country), a.region) for a in supplier.served_areas.all()] == [("FR", lorraine)]

    def test_without_a_region_it_serves_its_whole_country(self):
        supplier = register(region=None)

        assert [(str(a.country), a.region) for a in supplier.served_areas.all()] == [("FR", None)]

    def test_areas_given_replace_the_default(self):
        saarland = RegionFactory(country="DE", name="Saarland")
        supplier = Supplier(name="Cross-border Cleaners", legal_form="cooperative", country="FR")

        services.supplier_create(supplier=supplier, served_regions=[saarland], served_countries=["LU"])

        areas = {(str(a.country), a.region) for a in supplier.served_areas.all()}
        assert areas == {("LU", None), ("DE", saarland)}

    def test_a_region_inside_a_whole_country_served_is_dropped(self):
        lorraine = RegionFactory(country="FR", name="Lorraine")
        supplier = Supplier(name="Everywhere in France", legal_form="cooperative", country="FR")

        services.supplier_create(supplier=supplier, served_regions=[lorraine], served_countries=["FR"])

        assert [(str(a.country), a.region) for a in supplier.served_areas.all()] == [("FR", None)]

    def test_sectors_impact_areas_and_labels_are_stored(self):
        sector, impact, label = SectorFactory(), ImpactAreaFactory(), LabelFactory()
        supplier = Supplier(name="Tagged", legal_form="cooperative", country="FR")

        services.supplier_create(supplier=supplier, sectors=[sector], impact_areas=[impact], labels=[label])

        assert list(supplier.sectors.all()) == [sector]
        assert list(supplier.impact_areas.all()) == [impact]
        assert list(supplier.labels.all()) == [label]

    def test_an_invalid_supplier_leaves_nothing_behind(self):
        partners_before = Partner.objects.count()

        with pytest.raises(ValidationError) as caught:
            register(employees=5, employees_vulnerable=6, created_by=UserFactory())

        assert "employees_vulnerable" in caught.value.message_dict
        assert not Supplier.objects.exists()
        assert not Membership.objects.exists()
        assert Partner.objects.count() == partners_before


class TestSupplierUpdate:
    def test_renaming_the_supplier_renames_its_shop_partner(self, supplier):
        supplier.name = "Repair Coop Europe"

        services.supplier_update(supplier=supplier)

        assert Partner.objects.get(pk=supplier.partner_id).name == "Repair Coop Europe"

    def test_the_address_stays_when_the_name_changes(self, supplier):
        slug = supplier.slug
        supplier.name = "Repair Coop Europe"

        services.supplier_update(supplier=supplier)

        assert Supplier.objects.get(pk=supplier.pk).slug == slug

    def test_relations_given_are_replaced_others_kept(self, supplier):
        label = LabelFactory()
        sectors = list(supplier.sectors.all())

        services.supplier_update(supplier=supplier, labels=[label])

        assert list(supplier.labels.all()) == [label]
        assert list(supplier.sectors.all()) == sectors

    def test_invalid_changes_are_refused(self, supplier):
        supplier.employees_vulnerable = supplier.employees + 1

        with pytest.raises(ValidationError):
            services.supplier_update(supplier=supplier)

        assert Supplier.objects.get(pk=supplier.pk).employees_vulnerable != supplier.employees_vulnerable


class TestVerification:
    def test_an_operator_verifies_a_supplier(self, unverified_supplier, staff_user):
        services.supplier_verify(supplier=unverified_supplier, by=staff_user)

        stored = Supplier.objects.get(pk=unverified_supplier.pk)
        assert stored.verified is True
        assert stored.verified_by == staff_user
        assert stored.verified_at is not None
        assert Supplier.objects.verified().filter(pk=stored.pk).exists()

    def test_verifying_twice_keeps_the_first_verification(self, unverified_supplier, staff_user):
        services.supplier_verify(supplier=unverified_supplier, by=staff_user)
        first_at = Supplier.objects.get(pk=unverified_supplier.pk).verified_at
        other_operator = UserFactory(staff=True)

        services.supplier_verify(supplier=Supplier.objects.get(pk=unverified_supplier.pk), by=other_operator)

        stored = Supplier.objects.get(pk=unverified_supplier.pk)
        assert (stored.verified_by, stored.verified_at) == (staff_user, first_at)

    def test_a_member_cannot_verify_their_own_supplier(self, unverified_supplier):
        admin = unverified_supplier.memberships.get().user

        with pytest.raises(PermissionDenied):
            services.supplier_verify(supplier=unverified_supplier, by=admin)

        assert Supplier.objects.get(pk=unverified_supplier.pk).verified is False

    def test_an_operator_withdraws_a_verification(self, supplier, staff_user):
        services.supplier_unverify(supplier=supplier, by=staff_user)

        stored = Supplier.objects.get(pk=supplier.pk)
        assert (stored.verified, stored.verified_by, stored.verified_at) == (False, None, None)

    def test_a_non_operator_cannot_withdraw_a_verification(self, supplier, user):
        with pytest.raises(PermissionDenied):
            services.supplier_unverify(supplier=supplier, by=user)

        assert Supplier.objects.get(pk=supplier.pk).verified is True


class TestMembers:
    def test_adding_a_member_gives_them_the_shop(self, supplier, supplier_admin):
        newcomer = UserFactory(email="new@example.org")

        services.membership_add(organisation=supplier, user=newcomer)

        assert partner_user_emails(supplier) == sorted([supplier_admin.email, "new@example.org"])
        assert supplier.memberships.get(user=newcomer).role == Role.MEMBER

    def test_adding_a_member_twice_keeps_one_membership(self, supplier, supplier_member):
        services.membership_add(organisation=supplier, user=supplier_member, role=Role.ADMIN)

        assert supplier.memberships.filter(user=supplier_member).count() == 1
        assert supplier.memberships.get(user=supplier_member).role == Role.MEMBER

    def test_removing_a_member_takes_the_shop_away(self, supplier, supplier_admin, supplier_member):
        services.membership_remove(membership=supplier.memberships.get(user=supplier_member))

        assert member_emails(supplier) == [supplier_admin.email]
        assert partner_user_emails(supplier) == [supplier_admin.email]

    def test_the_last_administrator_cannot_be_removed(self, supplier, supplier_admin, supplier_member):
        with pytest.raises(ValidationError) as caught:
            services.membership_remove(membership=supplier.memberships.get(user=supplier_admin))

        assert caught.value.messages == [
            "Repair Coop needs at least one administrator: make someone else administrator first."
        ]
        assert member_emails(supplier) == sorted([supplier_admin.email, supplier_member.email])
        assert supplier_admin.email in partner_user_emails(supplier)

    def test_the_last_administrator_cannot_be_demoted(self, supplier, supplier_admin):
        membership = supplier.memberships.get(user=supplier_admin)

        with pytest.raises(ValidationError, match="needs at least one administrator"):
            services.membership_set_role(membership=membership, role=Role.MEMBER)

        assert supplier.memberships.get(user=supplier_admin).role == Role.ADMIN

    def test_an_administrator_can_step_down_once_someone_else_is_one(self, supplier, supplier_admin, supplier_member):
        services.membership_set_role(membership=supplier.memberships.get(user=supplier_member), role=Role.ADMIN)

        services.membership_set_role(membership=supplier.memberships.get(user=supplier_admin), role=Role.MEMBER)

        roles = dict(supplier.memberships.values_list("user__email", "role"))
        assert roles == {supplier_admin.email: Role.MEMBER, supplier_member.email: Role.ADMIN}

    def test_an_administrator_can_leave_once_someone_else_is_one(self, supplier, supplier_admin, supplier_member):
        services.membership_set_role(membership=supplier.memberships.get(user=supplier_member), role=Role.ADMIN)

        services.membership_remove(membership=supplier.memberships.get(user=supplier_admin))

        assert member_emails(supplier) == [supplier_member.email]
        assert partner_user_emails(supplier) == [supplier_member.email]

    def test_buyers_follow_the_same_administrator_rule(self, buyer, buyer_admin):
        with pytest.raises(ValidationError, match="Acme Procurement needs at least one administrator"):
            services.membership_remove(membership=buyer.memberships.get(user=buyer_admin))

        assert member_emails(buyer) == [buyer_admin.email]


class TestColleagueInvite:
    def invite(self, organisation, email, by, role=Role.MEMBER):
        return services.colleague_invite(organisation=organisation, email=email, role=role, by=by)

    def test_someone_with_an_account_joins_at_once_and_is_told_by_email(
        self, supplier, supplier_admin, django_capture_on_commit_callbacks
    ):
        colleague = UserFactory(email="colleague@example.org")

        with django_capture_on_commit_callbacks(execute=True):
            result = self.invite(supplier, "Colleague@Example.org", supplier_admin, role=Role.ADMIN)

        assert result == supplier.memberships.get(user=colleague)
        assert result.role == Role.ADMIN
        assert "colleague@example.org" in partner_user_emails(supplier)
        [message] = mail.outbox
        assert message.to == ["colleague@example.org"]
        assert message.subject == "You have been added to Repair Coop on Responsible"
        assert f"{settings.SITE_URL}/suppliers/{supplier.slug}/" in message.body
        assert not Invitation.objects.exists()

    def test_no_email_is_sent_if_the_change_is_rolled_back(self, supplier, supplier_admin):
        UserFactory(email="colleague@example.org")

        self.invite(supplier, "colleague@example.org", supplier_admin)

        # The test transaction never commits, so neither does the e-mail.
        assert mail.outbox == []

    def test_someone_without_an_account_gets_an_invitation_link(
        self, supplier, supplier_admin, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            result = self.invite(supplier, "newcomer@example.org", supplier_admin)

        invitation = Invitation.objects.get()
        assert result == invitation
        assert (invitation.email, invitation.organisation, invitation.invited_by) == (
            "newcomer@example.org",
            supplier.organisation_ptr,
            supplier_admin,
        )
        assert invitation.is_pending
        assert member_emails(supplier) == [supplier_admin.email]
        [message] = mail.outbox
        assert message.to == ["newcomer@example.org"]
        assert message.subject == "You are invited to join Repair Coop on Responsible"
        assert f"{settings.SITE_URL}/join/invitation/{invitation.token}/" in message.body

    def test_inviting_the_same_person_twice_keeps_one_invitation(
        self, supplier, supplier_admin, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            self.invite(supplier, "newcomer@example.org", supplier_admin)
            self.invite(supplier, "NEWCOMER@example.org", supplier_admin)

        invitation = Invitation.objects.get()
        assert [m.to for m in mail.outbox] == [["newcomer@example.org"], ["NEWCOMER@example.org"]]
        assert all(invitation.token in m.body for m in mail.outbox)

    def test_inviting_again_with_another_role_offers_the_new_role(self, supplier, supplier_admin):
        self.invite(supplier, "newcomer@example.org", supplier_admin, role=Role.MEMBER)

        self.invite(supplier, "newcomer@example.org", supplier_admin, role=Role.ADMIN)

        assert Invitation.objects.get().role == Role.ADMIN

    def test_joining_another_way_closes_the_pending_invitation(self, supplier, supplier_admin):
        invitation = self.invite(supplier, "Newcomer@example.org", supplier_admin)
        newcomer = UserFactory(email="newcomer@example.org")

        services.membership_add(organisation=supplier, user=newcomer)

        invitation.refresh_from_db()
        assert not invitation.is_pending
        assert not supplier.invitations.filter(accepted_at=None).exists()

    def test_invitation_tokens_are_not_guessable(self, supplier, buyer, supplier_admin, buyer_admin):
        first = self.invite(supplier, "a@example.org", supplier_admin)
        second = self.invite(buyer, "a@example.org", buyer_admin)

        assert first.token != second.token
        assert len(first.token) >= 32

    def test_an_existing_member_cannot_be_invited_again(
        self, supplier, supplier_admin, supplier_member, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
            self.invite(supplier, supplier_member.email.upper(), supplier_admin, role=Role.ADMIN)

        [message] = caught.value.messages
        assert message.lower() == f"{supplier_member.email} is already a member."
        assert supplier.memberships.get(user=supplier_member).role == Role.MEMBER
        assert mail.outbox == []

    def test_plain_text_emails_show_names_as_typed(self, supplier_admin, django_capture_on_commit_callbacks):
        atelier = SupplierFactory(name="L'Atelier & Co", created_by=supplier_admin)

        with django_capture_on_commit_callbacks(execute=True):
            self.invite(atelier, "newcomer@example.org", supplier_admin)

        [message] = mail.outbox
        assert message.subject == "You are invited to join L'Atelier & Co on Responsible"
        assert "invites you to join L'Atelier & Co on Responsible" in message.body

    def test_buyers_invite_colleagues_too(self, buyer, buyer_admin, django_capture_on_commit_callbacks):
        colleague = UserFactory(email="colleague@example.org")

        with django_capture_on_commit_callbacks(execute=True):
            self.invite(buyer, colleague.email, buyer_admin)

        assert member_emails(buyer) == sorted([buyer_admin.email, colleague.email])
        assert f"{settings.SITE_URL}/buyers/{buyer.slug}/" in mail.outbox[0].body


class TestInvitationAccept:
    @pytest.fixture
    def invitation(self, supplier, supplier_admin):
        return services.colleague_invite(
            organisation=supplier, email="newcomer@example.org", role=Role.ADMIN, by=supplier_admin
        )

    def test_the_invited_person_joins_with_the_role_offered(self, supplier, invitation):
        newcomer = UserFactory(email="Newcomer@example.org")

        membership = services.invitation_accept(invitation=invitation, user=newcomer)

        assert (membership.user, membership.organisation_id, membership.role) == (newcomer, supplier.pk, Role.ADMIN)
        assert "Newcomer@example.org" in partner_user_emails(supplier)
        invitation.refresh_from_db()
        assert not invitation.is_pending

    def test_someone_else_cannot_use_the_invitation(self, supplier, invitation, user):
        with pytest.raises(PermissionDenied):
            services.invitation_accept(invitation=invitation, user=user)

        assert not supplier.memberships.filter(user=user).exists()
        invitation.refresh_from_db()
        assert invitation.is_pending

    def test_an_invitation_works_once(self, supplier, invitation):
        newcomer = UserFactory(email="newcomer@example.org")
        services.invitation_accept(invitation=invitation, user=newcomer)
        services.membership_remove(membership=supplier.memberships.get(user=newcomer))

        with pytest.raises(ValidationError, match="already been used"):
            services.invitation_accept(invitation=invitation, user=newcomer)

        assert not supplier.memberships.filter(user=newcomer).exists()


class TestMembershipFactory:
    """The factory other test modules rely on keeps the shop partner in step, like the site does."""

    def test_a_member_made_by_the_factory_runs_the_shop(self):
        supplier = SupplierFactory(created_by=None)

        member = MembershipFactory(organisation=supplier).user

        assert partner_user_emails(supplier) == [member.email]
