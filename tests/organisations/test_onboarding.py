"""Joining the platform: registering a social enterprise or a buyer (with or without an
account), completing the profile afterwards, and accepting a colleague's invitation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from marketplace.organisations import services
from marketplace.organisations.models import Buyer, Invitation, Organisation, Role, Supplier
from tests.factories import PASSWORD, ImpactAreaFactory, RegionFactory, SectorFactory, UserFactory
from tests.organisations.form_data import supplier_form_data

User = get_user_model()
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

JOIN = reverse("organisations:join")
SUPPLIER_REGISTER = reverse("organisations:supplier-register")
BUYER_REGISTER = reverse("organisations:buyer-register")
SUPPLIER_LIST = reverse("organisations:supplier-list")
FORM_ERROR = "Please correct the fields marked below."
CHECK_EMAIL = "Check your e-mail"


def confirm(client, mailoutbox, address):
    """Open the link of the confirmation e-mail sent to `address`."""
    [message] = [m for m in mailoutbox if m.to == [address]]
    return client.get(re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", message.body).group(1))


WAITING_NOTICE = "This profile is waiting for verification by an operator."


@pytest.fixture
def lorraine():
    return RegionFactory(country="FR", name="Lorraine")


@pytest.fixture
def supplier_post(lorraine):
    local_food = SectorFactory(name="Local food distribution", parent=SectorFactory(name="Food"))
    work_integration = ImpactAreaFactory(name="Work integration")

    def build(**overrides):
        data = {
            "org-name": "Green Cleaners",
            "org-legal_form": "work_integration",
            "org-description": "Office cleaning by people coming back to work.",
            "org-country": "FR",
            "org-region": lorraine.pk,
            "org-city": "Metz",
            "org-sectors": [local_food.pk],
            "org-impact_areas": [work_integration.pk],
            "org-employees": "12",
            "org-employees_vulnerable": "8",
            "org-website": "https://green-cleaners.example",
            "org-vat_id": "FR11123456782",
        }
        return {**data, **overrides}

    return build


def account_post(**overrides):
    data = {
        "account-first_name": "Nina",
        "account-last_name": "Newcomer",
        "account-email": "nina@green-cleaners.example",
        "account-password1": PASSWORD,
        "account-password2": PASSWORD,
    }
    return {**data, **overrides}


def buyer_post(**overrides):
    data = {
        "org-name": "Acme Facilities",
        "org-country": "LU",
        "org-city": "Esch-sur-Alzette",
        "org-website": "https://acme.example",
        "org-vat_id": "LU12345613",
    }
    return {**data, **overrides}


def test_the_join_page_offers_both_ways_in(client):
    response = client.get(JOIN)

    assertContains(response, f'href="{SUPPLIER_REGISTER}"')
    assertContains(response, f'href="{BUYER_REGISTER}"')
    assertContains(response, "Already have an account?")


class TestSupplierRegistration:
    def test_a_visitor_sees_organisation_and_account_fields(self, client):
        response = client.get(SUPPLIER_REGISTER)

        assertContains(response, "<h1>Register your social enterprise</h1>", html=True)
        assertContains(response, 'name="org-name"')
        assertContains(response, 'name="account-email"')
        assertContains(response, "Your account")

    def test_a_visitor_registers_their_enterprise_and_account_at_once(
        self, client, post, supplier_post, lorraine, mailoutbox
    ):
        response = post(SUPPLIER_REGISTER, {**supplier_post(), **account_post()})

        assertContains(response, CHECK_EMAIL)
        supplier = Supplier.objects.get()
        nina = User.objects.get(email="nina@green-cleaners.example")
        assert (nina.first_name, nina.last_name, nina.is_active) == ("Nina", "Newcomer", False)
        assert nina.check_password(PASSWORD)
        assert supplier.name == "Green Cleaners"
        assert supplier.verified is False
        assert [(m.user, m.role) for m in supplier.memberships.all()] == [(nina, Role.ADMIN)]
        assert list(Partner.objects.get(pk=supplier.partner_id).users.all()) == [nina]
        assert [str(s) for s in supplier.sectors.all()] == ["Food › Local food distribution"]
        assert [a.region for a in supplier.served_areas.all()] == [lorraine]

        confirmed = confirm(client, mailoutbox, "nina@green-cleaners.example")

        assertRedirects(confirmed, supplier.get_absolute_url(), fetch_redirect_response=False)
        profile = client.get(confirmed.url)  # signed in, so the unverified profile is visible
        assertContains(profile, WAITING_NOTICE)
        assertContains(profile, "Edit profile")
        assert profile.wsgi_request.user == nina

    def test_a_visitor_with_a_known_address_gets_the_same_answer_and_nothing_is_created(
        self, client, post, supplier_post, supplier_admin, mailoutbox
    ):
        response = post(
            SUPPLIER_REGISTER, {**supplier_post(), **account_post(**{"account-email": "Ada@Repair-Coop.example"})}
        )

        assertContains(response, CHECK_EMAIL)
        assert not Organisation.objects.exists()
        assert User.objects.filter(email__iexact=supplier_admin.email).count() == 1
        [notice] = mailoutbox
        assert notice.to == [supplier_admin.email] and "already have one" in notice.body

    def test_the_new_supplier_is_public_only_once_verified(
        self, client, supplier_post, staff_user, django_capture_on_commit_callbacks
    ):
        client.post(SUPPLIER_REGISTER, {**supplier_post(), **account_post()})
        client.logout()

        assertNotContains(client.get(SUPPLIER_LIST), "Green Cleaners")
        assert client.get(Supplier.objects.get().get_absolute_url()).status_code == 404

        with django_capture_on_commit_callbacks(execute=True):  # the search index follows the commit
            services.supplier_verify(supplier=Supplier.objects.get(), by=staff_user)

        assertContains(client.get(SUPPLIER_LIST), "Green Cleaners")
        assertContains(client.get(Supplier.objects.get().get_absolute_url()), "Green Cleaners")

    def test_a_signed_in_person_sees_no_account_fields(self, client, user):
        client.force_login(user)

        response = client.get(SUPPLIER_REGISTER)

        assertContains(response, 'name="org-name"')
        assertNotContains(response, 'name="account-email"')
        assertNotContains(response, "Your account")

    def test_a_signed_in_person_registers_an_enterprise_they_administer(self, client, user, supplier_post):
        client.force_login(user)
        users_before = User.objects.count()

        response = client.post(SUPPLIER_REGISTER, supplier_post())

        supplier = Supplier.objects.get()
        assertRedirects(response, supplier.get_absolute_url(), fetch_redirect_response=False)
        assert User.objects.count() == users_before
        assert [(m.user, m.role) for m in supplier.memberships.all()] == [(user, Role.ADMIN)]

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            (
                {"org-employees": "5", "org-employees_vulnerable": "6"},
                "employees_vulnerable",
                "People from vulnerable groups are counted in the total workforce, so they cannot be more than the "
                "5 employees.",
            ),
            ({"org-employees": "", "org-employees_vulnerable": "6"}, "employees", "Give the total workforce too."),
            ({"org-name": ""}, "name", "This field is required."),
            ({"org-sectors": []}, "sectors", "This field is required."),
            ({"account-password2": "pw-Something-else"}, "password2", "The two password fields didn’t match."),
            ({"account-first_name": ""}, "first_name", "This field is required."),
        ],
        ids=["vulnerable-above-total", "vulnerable-without-total", "no-name", "no-sector",
             "passwords-differ", "no-first-name"],
    )  # fmt: skip
    def test_invalid_input_is_explained_and_creates_nothing(
        self, client, supplier_post, supplier_admin, overrides, field, message
    ):
        users_before, partners_before = User.objects.count(), Partner.objects.count()

        response = client.post(SUPPLIER_REGISTER, {**supplier_post(), **account_post(), **overrides})

        assert response.status_code == 200
        assertContains(response, FORM_ERROR)
        assertContains(response, f"field-{field} has-error")
        assertContains(response, message)
        assert User.objects.count() == users_before
        assert not Organisation.objects.exists()
        assert Partner.objects.count() == partners_before
        assert "_auth_user_id" not in client.session

    def test_a_region_in_another_country_is_refused(self, client, supplier_post):
        saarland = RegionFactory(country="DE", name="Saarland")

        response = client.post(SUPPLIER_REGISTER, {**supplier_post(**{"org-region": saarland.pk}), **account_post()})

        assertContains(response, "Saarland is not in France.")
        assert not Organisation.objects.exists()
        assert not User.objects.filter(email="nina@green-cleaners.example").exists()

    def test_the_form_keeps_what_was_typed(self, client, supplier_post):
        response = client.post(SUPPLIER_REGISTER, {**supplier_post(**{"org-name": ""}), **account_post()})

        assertContains(response, 'value="nina@green-cleaners.example"')
        assertContains(response, "Office cleaning by people coming back to work.")


class TestBuyerRegistration:
    def test_a_visitor_registers_their_company_and_account_at_once(self, client, post, mailoutbox):
        response = post(BUYER_REGISTER, {**buyer_post(), **account_post(**{"account-email": "ben@acme.example"})})

        assertContains(response, CHECK_EMAIL)
        buyer = Buyer.objects.get()
        ben = User.objects.get(email="ben@acme.example")
        assert [(m.user, m.role) for m in buyer.memberships.all()] == [(ben, Role.ADMIN)]
        assert (buyer.name, str(buyer.country), buyer.vat_id) == ("Acme Facilities", "LU", "LU12345613")

        page = client.get(confirm(client, mailoutbox, "ben@acme.example").url)

        assertContains(page, "<h1>Acme Facilities</h1>", html=True)
        assert page.wsgi_request.user == ben

    def test_a_public_body_is_recorded_as_such(self, client, user):
        client.force_login(user)

        client.post(BUYER_REGISTER, buyer_post(**{"org-is_public_body": "on"}))

        assert Buyer.objects.get().is_public_body is True

    def test_a_signed_in_person_registers_a_company_they_administer(self, client, user):
        client.force_login(user)

        response = client.get(BUYER_REGISTER)
        assertContains(response, "<h1>Register your company as a buyer</h1>", html=True)
        assertNotContains(response, 'name="account-email"')

        client.post(BUYER_REGISTER, buyer_post())

        assert [(m.user, m.role) for m in Buyer.objects.get().memberships.all()] == [(user, Role.ADMIN)]

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"org-name": ""}, "This field is required."),
            ({"account-password2": "pw-Something-else"}, "The two password fields didn’t match."),
        ],
        ids=["no-name", "passwords-differ"],
    )
    def test_invalid_input_is_explained_and_creates_nothing(self, client, supplier_admin, overrides, message):
        users_before = User.objects.count()

        response = client.post(BUYER_REGISTER, {**buyer_post(), **account_post(), **overrides})

        assertContains(response, FORM_ERROR)
        assertContains(response, message)
        assert User.objects.count() == users_before
        assert not Organisation.objects.exists()


class TestCompletingTheProfile:
    """After registering, members complete the full profile on the edit page."""

    def edit(self, client, supplier, **overrides):
        url = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})
        return client.post(url, supplier_form_data(supplier, **overrides))

    def test_the_edit_page_shows_the_full_form_filled_in(self, client, supplier, supplier_member):
        client.force_login(supplier_member)

        response = client.get(reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug}))

        assertContains(response, "<h1>Edit Repair Coop</h1>", html=True)
        assertContains(response, 'value="Repair Coop"')
        for legend in ("Who you are", "Where you are and whom you serve", "What you do", "Your impact", "Contact"):
            assertContains(response, f"<legend>{legend}</legend>", html=True)

    def test_saved_changes_appear_on_the_profile(self, client, supplier, supplier_member):
        client.force_login(supplier_member)

        response = self.edit(
            client, supplier, name="Repair Coop Europe", impact_statement="Sixty jobs in five years.", employees="30"
        )

        assertRedirects(response, supplier.get_absolute_url(), fetch_redirect_response=False)
        profile = client.get(supplier.get_absolute_url())
        assertContains(profile, "Your profile has been saved.")
        assertContains(profile, "<h1>Repair Coop Europe", count=1)
        assertContains(profile, "Sixty jobs in five years.")
        assertContains(profile, "12 of 30 employees come from vulnerable groups")
        assert Partner.objects.get(pk=supplier.partner_id).name == "Repair Coop Europe"

    def test_the_area_served_can_be_widened(self, client, supplier, supplier_admin):
        saarland = RegionFactory(country="DE", name="Saarland")
        client.force_login(supplier_admin)

        self.edit(client, supplier, served_regions=[saarland.pk], served_countries=["FR"])

        profile = client.get(supplier.get_absolute_url())
        assertContains(profile, "<li>all of France</li>", html=True)
        assertContains(profile, "<li>Saarland (DE)</li>", html=True)

    def test_leaving_both_area_fields_empty_serves_the_own_region(self, client, supplier, supplier_admin):
        client.force_login(supplier_admin)

        self.edit(client, supplier, served_regions=[], served_countries=[])

        profile = client.get(supplier.get_absolute_url())
        assertContains(profile, f"<li>{supplier.region}</li>", html=True)
        assertNotContains(profile, "Not stated")

    def test_invalid_changes_are_explained_and_not_saved(self, client, supplier, supplier_member):
        client.force_login(supplier_member)

        response = self.edit(client, supplier, name="Renamed", employees="5", employees_vulnerable="9")

        assertContains(response, "so they cannot be more than the 5 employees.")
        supplier.refresh_from_db()
        assert (supplier.name, supplier.employees) == ("Repair Coop", 20)


class TestInvitationAcceptance:
    @pytest.fixture
    def invitation(self, supplier, supplier_admin):
        return services.colleague_invite(
            organisation=supplier,
            email="nina@example.org",
            role=Role.MEMBER,
            by=supplier_admin,
        )

    def url(self, invitation):
        return reverse("organisations:invitation-accept", kwargs={"token": invitation.token})

    def test_a_newcomer_creates_an_account_and_joins(self, client, supplier, invitation):
        page = client.get(self.url(invitation))
        assertContains(page, "Create your account to join Repair Coop.")
        assertContains(page, 'value="nina@example.org"')

        response = client.post(
            self.url(invitation),
            account_post(**{"account-email": "someone-else@example.org"}),  # the invitation fixes the address
        )

        assertRedirects(response, supplier.get_absolute_url(), fetch_redirect_response=False)
        nina = User.objects.get(email="nina@example.org")
        assert supplier.memberships.get(user=nina).role == Role.MEMBER
        assert not User.objects.filter(email="someone-else@example.org").exists()
        profile = client.get(response.url)
        assertContains(profile, "Welcome to Repair Coop.")
        assert profile.wsgi_request.user == nina

    def test_someone_with_an_account_is_asked_to_sign_in(self, client, invitation):
        UserFactory(email="nina@example.org")

        response = client.get(self.url(invitation))

        assertContains(response, "You already have an account as nina@example.org. Sign in to accept the invitation.")

    def test_a_signed_in_invitee_joins_with_one_click(self, client, supplier, invitation):
        nina = UserFactory(email="nina@example.org")
        client.force_login(nina)
        assertContains(client.get(self.url(invitation)), "Ada Admin invited you to join Repair Coop on Responsible.")

        client.post(self.url(invitation))

        assert supplier.memberships.filter(user=nina).exists()
        assert not Invitation.objects.get().is_pending

    def test_someone_signed_in_with_another_address_cannot_use_it(self, client, supplier, invitation, user):
        client.force_login(user)

        assertContains(client.get(self.url(invitation)), "This invitation was sent to nina@example.org")
        response = client.post(self.url(invitation), follow=True)

        assertContains(response, "This invitation was sent to another e-mail address.")
        assert not supplier.memberships.filter(user=user).exists()
        assert Invitation.objects.get().is_pending

    def test_an_invitation_cannot_be_used_twice(self, client, supplier, invitation):
        client.post(self.url(invitation), account_post(**{"account-email": "nina@example.org"}))
        client.logout()

        page = client.get(self.url(invitation))
        response = client.post(self.url(invitation), account_post(**{"account-email": "mallory@example.org"}))

        assertContains(page, "This invitation has already been used.")
        assert response.status_code == 302
        assert not User.objects.filter(email="mallory@example.org").exists()
        assert supplier.memberships.count() == 2

    def test_an_unknown_token_is_not_found(self, client):
        assert client.get(reverse("organisations:invitation-accept", kwargs={"token": "nope"})).status_code == 404
