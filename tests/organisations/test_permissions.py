"""Who may edit an organisation and manage its members.

The protected routes are read from the URLconf, so a new edit or members route is
covered (and must refuse strangers) without touching this file."""

import pytest
from django.contrib.auth.views import redirect_to_login
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations import urls as organisation_urls
from marketplace.organisations.models import Buyer, Invitation, Membership, Organisation, Role, ServedArea, Supplier
from tests.factories import SupplierFactory, UserFactory
from tests.organisations.form_data import buyer_form_data, supplier_form_data

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

PROTECTED_SUFFIXES = ("-edit", "-members", "-member-change")


def protected_routes():
    """(route, organisation model, extra URL kwargs) for every members-only route of an organisation."""
    cases = []
    for pattern in organisation_urls.urlpatterns:
        if not (pattern.name.endswith(PROTECTED_SUFFIXES) or pattern.name == "buyer-detail"):
            continue
        view = pattern.callback
        model = view.view_initkwargs.get("organisation_model", view.view_class.organisation_model)
        if "action" in pattern.pattern.converters:
            cases += [(pattern, model, {"action": action}) for action in ("role", "remove")]
        else:
            cases.append((pattern, model, {}))
    return cases


ROUTES = protected_routes()
ROUTE_IDS = ["-".join([pattern.name, *extra.values()]) for pattern, _model, extra in ROUTES]


def accepts_post(pattern):
    view_class = pattern.callback.view_class
    return hasattr(view_class, "post") and "post" in view_class.http_method_names


def test_the_urlconf_yields_the_known_routes():
    """Guards the discovery itself: if it found nothing, the tests below would pass vacuously."""
    names = {pattern.name for pattern, _model, _extra in ROUTES}
    assert {"supplier-edit", "supplier-members", "supplier-member-change", "buyer-detail", "buyer-edit"} <= names
    assert {"buyer-members", "buyer-member-change"} <= names


@pytest.fixture
def organisations(supplier, supplier_member, buyer, buyer_member):
    """Each kind of organisation with an administrator and a plain member."""
    return {
        Supplier: (supplier, supplier.memberships.get(user=supplier_member)),
        Buyer: (buyer, buyer.memberships.get(user=buyer_member)),
    }


def route_url(pattern, organisation, target, extra):
    kwargs = {"slug": organisation.slug, **extra}
    if "pk" in pattern.pattern.converters:
        kwargs["pk"] = target.pk
    return reverse(f"organisations:{pattern.name}", kwargs=kwargs)


def hostile_post(organisation):
    """One payload every protected form would act on: it renames the organisation (edit),
    invites an outsider (members) and promotes the target member (member change)."""
    form_data = supplier_form_data if organisation.is_supplier else buyer_form_data
    return {**form_data(organisation, name="Hijacked"), "email": "intruder@example.org", "role": Role.ADMIN}


def snapshot():
    """Everything a members-only request could change."""
    return {
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "suppliers": list(Supplier.objects.order_by("pk").values()),
        "buyers": list(Buyer.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values("user_id", "organisation_id", "role")),
        "invitations": list(Invitation.objects.order_by("pk").values("organisation_id", "email", "role")),
        "served areas": list(ServedArea.objects.order_by("pk").values()),
        "partner users": sorted(Partner.users.through.objects.values_list("partner_id", "user_id")),
        "users": list(UserFactory._meta.model.objects.order_by("pk").values_list("email", flat=True)),
    }


@pytest.mark.parametrize(("pattern", "model", "extra"), ROUTES, ids=ROUTE_IDS)
class TestEveryProtectedRoute:
    def test_a_signed_in_stranger_is_refused_and_nothing_changes(self, client, organisations, pattern, model, extra):
        organisation, target = organisations[model]
        stranger = SupplierFactory().memberships.get().user  # administrator of another organisation
        client.force_login(stranger)
        url = route_url(pattern, organisation, target, extra)
        before = snapshot()

        assert client.get(url).status_code == 403
        if accepts_post(pattern):
            assert client.post(url, hostile_post(organisation)).status_code == 403

        assert snapshot() == before
        assert mail.outbox == []

    def test_an_anonymous_visitor_is_sent_to_sign_in(self, client, organisations, pattern, model, extra):
        organisation, target = organisations[model]
        url = route_url(pattern, organisation, target, extra)
        sign_in = redirect_to_login(url).url
        before = snapshot()

        response = client.get(url)
        assert (response.status_code, response.url) == (302, sign_in)
        assert sign_in.startswith(reverse("accounts:login") + "?next=")
        if accepts_post(pattern):
            response = client.post(url, hostile_post(organisation))
            assert (response.status_code, response.url) == (302, sign_in)

        assert snapshot() == before

    def test_an_administrator_gets_in(self, client, organisations, pattern, model, extra):
        """The other side of the two tests above: the same requests do work for an administrator."""
        organisation, target = organisations[model]
        client.force_login(organisation.memberships.get(role=Role.ADMIN).user)
        url = route_url(pattern, organisation, target, extra)
        before = snapshot()

        if accepts_post(pattern):
            response = client.post(url, hostile_post(organisation))
            assert response.status_code == 302
            assert snapshot() != before
        if "get" in pattern.callback.view_class.http_method_names:
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", [Supplier, Buyer], ids=["supplier", "buyer"])
class TestPlainMember:
    def test_a_member_edits_the_profile(self, client, organisations, model):
        organisation, membership = organisations[model]
        client.force_login(membership.user)
        url = reverse(f"organisations:{organisation.kind}-edit", kwargs={"slug": organisation.slug})
        form_data = supplier_form_data if model is Supplier else buyer_form_data

        assert client.get(url).status_code == 200
        response = client.post(url, form_data(organisation, name="Renamed by a member"))

        assert response.status_code == 302
        assert Organisation.objects.get(pk=organisation.pk).name == "Renamed by a member"

    def test_a_member_sees_colleagues_but_no_invitation_form(self, client, organisations, model):
        organisation, membership = organisations[model]
        client.force_login(membership.user)

        response = client.get(reverse(f"organisations:{organisation.kind}-members", kwargs={"slug": organisation.slug}))

        admin = organisation.memberships.get(role=Role.ADMIN).user
        assertContains(response, admin.email)
        assertContains(response, membership.user.email)
        assertNotContains(response, "Add a colleague")
        assertNotContains(response, "Change role")

    def test_a_member_cannot_invite(self, client, organisations, model):
        organisation, membership = organisations[model]
        client.force_login(membership.user)
        url = reverse(f"organisations:{organisation.kind}-members", kwargs={"slug": organisation.slug})

        response = client.post(url, {"email": "friend@example.org", "role": Role.MEMBER})

        assert response.status_code == 403
        assert not Invitation.objects.exists()

    def test_a_member_cannot_change_roles_or_remove_a_colleague(self, client, organisations, model):
        organisation, membership = organisations[model]
        admin_membership = organisation.memberships.get(role=Role.ADMIN)
        client.force_login(membership.user)
        before = snapshot()

        for target, action in ((admin_membership, "role"), (membership, "role"), (admin_membership, "remove")):
            url = reverse(
                f"organisations:{organisation.kind}-member-change",
                kwargs={"slug": organisation.slug, "pk": target.pk, "action": action},
            )
            role = Role.MEMBER if target == admin_membership else Role.ADMIN
            assert client.post(url, {"role": role}).status_code == 403

        assert snapshot() == before

    def test_a_member_leaves_the_organisation(self, client, organisations, model):
        organisation, membership = organisations[model]
        client.force_login(membership.user)
        members_url = reverse(f"organisations:{organisation.kind}-members", kwargs={"slug": organisation.slug})
        assertContains(client.get(members_url), f"Leave {organisation.name}")
        url = reverse(
            f"organisations:{organisation.kind}-member-change",
            kwargs={"slug": organisation.slug, "pk": membership.pk, "action": "remove"},
        )

        response = client.post(url, follow=True)

        assert response.redirect_chain[-1][0] == reverse("accounts:home")
        assertContains(response, f"{membership.user.email} no longer belongs to {organisation.name}.")
        assert not organisation.memberships.filter(user=membership.user).exists()
        assert client.get(members_url).status_code == 403


class TestAdministrator:
    def members_url(self, organisation):
        return reverse(f"organisations:{organisation.kind}-members", kwargs={"slug": organisation.slug})

    def change_url(self, organisation, membership, action):
        return reverse(
            f"organisations:{organisation.kind}-member-change",
            kwargs={"slug": organisation.slug, "pk": membership.pk, "action": action},
        )

    def test_an_administrator_sees_the_invitation_and_role_forms(self, client, supplier, supplier_admin):
        client.force_login(supplier_admin)

        response = client.get(self.members_url(supplier))

        assertContains(response, "Add a colleague")
        assertContains(response, "Change role")

    def test_an_administrator_adds_a_colleague_who_has_an_account(
        self, client, supplier, supplier_admin, django_capture_on_commit_callbacks
    ):
        colleague = UserFactory(email="colleague@example.org")
        client.force_login(supplier_admin)

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.members_url(supplier), {"email": "colleague@example.org", "role": Role.MEMBER}, follow=True
            )

        assertContains(response, "colleague@example.org has joined Repair Coop.")
        assert supplier.memberships.get(user=colleague).role == Role.MEMBER
        assert colleague in Partner.objects.get(pk=supplier.partner_id).users.all()
        assert [m.to for m in mail.outbox] == [["colleague@example.org"]]

    def test_an_administrator_invites_a_newcomer(self, client, buyer, buyer_admin, django_capture_on_commit_callbacks):
        client.force_login(buyer_admin)

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.members_url(buyer), {"email": "newcomer@example.org", "role": Role.ADMIN}, follow=True
            )

        assertContains(response, "We have sent an invitation to newcomer@example.org.")
        assertContains(response, "Invitations waiting for an answer")
        assertContains(response, "newcomer@example.org (Administrator)")
        invitation = Invitation.objects.get()
        assert invitation.token in mail.outbox[0].body

    def test_inviting_a_member_again_is_explained(self, client, supplier, supplier_admin, supplier_member):
        client.force_login(supplier_admin)

        response = client.post(self.members_url(supplier), {"email": supplier_member.email, "role": Role.ADMIN})

        assertContains(response, f"{supplier_member.email} is already a member.")
        assert supplier.memberships.get(user=supplier_member).role == Role.MEMBER

    def test_an_administrator_promotes_a_member(self, client, supplier, supplier_admin, supplier_member):
        client.force_login(supplier_admin)
        membership = supplier.memberships.get(user=supplier_member)

        response = client.post(self.change_url(supplier, membership, "role"), {"role": Role.ADMIN}, follow=True)

        assertContains(response, f"{supplier_member.email} is now administrator.")
        assert supplier.memberships.get(user=supplier_member).role == Role.ADMIN

    def test_an_administrator_removes_a_member(self, client, supplier, supplier_admin, supplier_member):
        client.force_login(supplier_admin)
        membership = supplier.memberships.get(user=supplier_member)

        response = client.post(self.change_url(supplier, membership, "remove"), follow=True)

        assertContains(response, f"{supplier_member.email} no longer belongs to Repair Coop.")
        assert not supplier.memberships.filter(user=supplier_member).exists()
        assert supplier_member not in Partner.objects.get(pk=supplier.partner_id).users.all()
        # The former member is now a stranger.
        client.force_login(supplier_member)
        edit_url = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})
        assert client.get(edit_url).status_code == 403

    @pytest.mark.parametrize(("action", "data"), [("role", {"role": Role.MEMBER}), ("remove", {})])
    def test_the_last_administrator_cannot_step_down(self, client, buyer, buyer_admin, buyer_member, action, data):
        client.force_login(buyer_admin)
        membership = buyer.memberships.get(user=buyer_admin)

        response = client.post(self.change_url(buyer, membership, action), data, follow=True)

        assertContains(
            response, "Acme Procurement needs at least one administrator: make someone else administrator first."
        )
        assert buyer.memberships.get(user=buyer_admin).role == Role.ADMIN
        # Refused, they stay on the members page rather than being sent away.
        assert response.redirect_chain[-1][0] == self.members_url(buyer)

    def test_administrators_are_listed_first(self, client, supplier, supplier_admin):
        colleague = UserFactory(email="aaa-first-by-email@example.org")
        supplier.memberships.create(user=colleague, role=Role.MEMBER)
        client.force_login(supplier_admin)

        content = client.get(self.members_url(supplier)).content.decode()

        assert content.index(supplier_admin.email) < content.index(colleague.email)

    def test_an_unknown_action_changes_nothing(self, client, supplier, supplier_admin, supplier_member):
        client.force_login(supplier_admin)
        membership = supplier.memberships.get(user=supplier_member)
        before = snapshot()

        response = client.post(self.change_url(supplier, membership, "promote"), {"role": Role.ADMIN})

        assert response.status_code == 404
        assert snapshot() == before

    def test_an_administrator_cannot_touch_another_organisations_members(self, client, supplier, supplier_admin):
        other = SupplierFactory(name="Other Coop")
        other_membership = other.memberships.get()
        client.force_login(supplier_admin)
        before = snapshot()

        for action in ("role", "remove"):
            url = self.change_url(supplier, other_membership, action)
            assert client.post(url, {"role": Role.MEMBER}).status_code == 404

        assert snapshot() == before
