"""Creating an account, signing in and out, and the account page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.factories import PASSWORD, BuyerFactory, MembershipFactory, SupplierFactory, UserFactory

User = get_user_model()

pytestmark = pytest.mark.django_db

SIGN_UP = reverse("accounts:signup")
SIGN_IN = reverse("accounts:login")
SIGN_OUT = reverse("accounts:logout")
HOME = reverse("accounts:home")
CHECK_EMAIL = "Check your e-mail"
WRONG_LOGIN = "That e-mail address and password do not match an account. Check both and try again."


def sign_up_data(**overrides):
    data = {
        "first_name": "Nina",
        "last_name": "Newcomer",
        "email": "nina@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**data, **overrides}


def answer(response):
    """What the page says, the address it names left out."""
    main = BeautifulSoup(response.content, "html.parser").find("main")
    for address in main.find_all("strong"):
        address.decompose()
    return " ".join(main.get_text().split())


def confirmation_link(mailoutbox, address):
    [message] = [m for m in mailoutbox if m.to == [address]]
    return re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", message.body).group(1)


def signed_in_user(client):
    return client.get(HOME).wsgi_request.user


class TestSignUp:
    def test_the_sign_up_page_asks_for_name_email_and_password(self, client):
        response = client.get(SIGN_UP)

        for field in ("first_name", "last_name", "email", "password1", "password2"):
            assertContains(response, f'name="{field}"')
        assertContains(response, reverse("organisations:join"))

    def test_signing_up_sends_a_link_that_confirms_the_address_and_signs_in(self, client, post, mailoutbox):
        response = post(SIGN_UP, sign_up_data())

        assertContains(response, CHECK_EMAIL)
        nina = User.objects.get(email="nina@example.org")
        assert (nina.first_name, nina.last_name, nina.is_active) == ("Nina", "Newcomer", False)
        assert not signed_in_user(client).is_authenticated
        # Until the address is confirmed, the account does not sign in.
        assert client.post(SIGN_IN, {"username": "nina@example.org", "password": PASSWORD}).status_code == 200

        page = client.get(confirmation_link(mailoutbox, "nina@example.org"), follow=True)

        assertRedirects(page, HOME)
        assertContains(page, "Welcome, Nina. Your account is ready.")
        assert page.wsgi_request.user == User.objects.get(email="nina@example.org", is_active=True)

    def test_a_confirmation_link_works_once(self, client, post, mailoutbox):
        post(SIGN_UP, sign_up_data())
        link = confirmation_link(mailoutbox, "nina@example.org")
        client.get(link)
        client.post(SIGN_OUT)

        assertContains(client.get(link), "This link no longer works", status_code=400)

    def test_after_confirming_the_visitor_returns_where_they_were(self, client, post, supplier, mailoutbox):
        post(f"{SIGN_UP}?next={supplier.get_absolute_url()}", sign_up_data())

        response = client.get(confirmation_link(mailoutbox, "nina@example.org"))

        assertRedirects(response, supplier.get_absolute_url(), fetch_redirect_response=False)

    def test_a_next_address_on_another_site_is_ignored(self, client, post, mailoutbox):
        post(f"{SIGN_UP}?next=https://evil.example/phish", sign_up_data())

        response = client.get(confirmation_link(mailoutbox, "nina@example.org"))

        assertRedirects(response, HOME, fetch_redirect_response=False)

    @pytest.mark.parametrize("email", ["ada@example.org", "ADA@Example.org", " Ada@EXAMPLE.ORG "])
    def test_a_known_address_gets_the_same_answer_and_its_owner_an_e_mail(self, client, post, email, mailoutbox):
        UserFactory(email="ada@example.org")
        new = post(SIGN_UP, sign_up_data(email="someone-new@example.org"))
        mailoutbox.clear()

        known = post(SIGN_UP, sign_up_data(email=email))

        assert known.status_code == new.status_code == 200
        assert answer(known) == answer(new)
        assert User.objects.filter(email__iexact="ada@example.org").count() == 1
        assert not signed_in_user(client).is_authenticated
        [notice] = mailoutbox
        assert notice.to == ["ada@example.org"] and "already have one" in notice.body

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"password2": "pw-Responsible-2"}, "The two password fields didn’t match."),
            ({"password1": "password", "password2": "password"}, "This password is too common."),
            ({"first_name": ""}, "This field is required."),
            ({"email": "not-an-address"}, "Enter a valid email address."),
        ],
        ids=["passwords-differ", "common-password", "no-first-name", "bad-email"],
    )
    def test_invalid_sign_ups_are_explained_and_create_nothing(self, client, overrides, message):
        response = client.post(SIGN_UP, sign_up_data(**overrides))

        assertContains(response, message)
        assert not User.objects.exists()

    def test_a_signed_in_person_is_sent_to_their_account(self, client, user):
        client.force_login(user)

        assertRedirects(client.get(SIGN_UP), HOME)


class TestSignIn:
    def test_the_right_password_signs_in(self, client, user):
        response = client.post(SIGN_IN, {"username": "outsider@example.org", "password": PASSWORD})

        assertRedirects(response, HOME, fetch_redirect_response=False)
        assert signed_in_user(client) == user

    def test_the_email_address_is_not_case_sensitive(self, client, user):
        client.post(SIGN_IN, {"username": "Outsider@Example.ORG", "password": PASSWORD})

        assert signed_in_user(client) == user

    def test_signing_in_returns_to_the_page_asked_for(self, client, supplier, supplier_admin):
        edit_url = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})
        sign_in_url = client.get(edit_url).url

        response = client.post(sign_in_url, {"username": supplier_admin.email, "password": PASSWORD, "next": edit_url})

        assertRedirects(response, edit_url)

    @pytest.mark.parametrize(
        ("email", "password"),
        [("outsider@example.org", "pw-Wrong-1"), ("nobody@example.org", PASSWORD)],
        ids=["wrong-password", "unknown-email"],
    )
    def test_a_wrong_password_or_address_gets_a_friendly_error(self, client, user, email, password):
        response = client.post(SIGN_IN, {"username": email, "password": password})

        assert response.status_code == 200
        assertContains(response, WRONG_LOGIN)
        assertContains(response, f'value="{email}"')
        assert not signed_in_user(client).is_authenticated

    def test_a_deactivated_account_cannot_sign_in(self, client):
        UserFactory(email="gone@example.org", is_active=False)

        client.post(SIGN_IN, {"username": "gone@example.org", "password": PASSWORD})

        assert not signed_in_user(client).is_authenticated

    def test_a_signed_in_person_is_sent_to_their_account(self, client, user):
        client.force_login(user)

        assertRedirects(client.get(SIGN_IN), HOME, fetch_redirect_response=False)


class TestSignOut:
    def test_signing_out_needs_a_post(self, client, user):
        client.force_login(user)

        assert client.get(SIGN_OUT).status_code == 405
        assert signed_in_user(client) == user

    def test_signing_out_ends_the_session(self, client, user):
        client.force_login(user)

        response = client.post(SIGN_OUT)

        assert response.status_code == 302
        assert not signed_in_user(client).is_authenticated

    def test_the_header_offers_sign_out_as_a_form(self, client, user):
        client.force_login(user)

        response = client.get(reverse("organisations:supplier-list"))

        assertContains(response, f'<form method="post" action="{SIGN_OUT}"')


class TestAccountHome:
    def test_it_needs_signing_in(self, client):
        response = client.get(HOME)

        assertRedirects(response, f"{SIGN_IN}?next={HOME}", fetch_redirect_response=False)

    def test_it_lists_the_persons_organisations_with_their_role(self, client, user):
        supplier = SupplierFactory(name="Hive Honey")
        buyer = BuyerFactory(name="Orchard Buying")
        MembershipFactory(user=user, organisation=supplier, role="admin")
        MembershipFactory(user=user, organisation=buyer)
        SupplierFactory(name="Someone Else's Coop")
        client.force_login(user)

        response = client.get(HOME)

        assertContains(response, "Hello Otto")
        assertContains(response, f'<a href="{supplier.get_absolute_url()}">Hive Honey</a>', html=True)
        assertContains(response, "Social enterprise · Administrator")
        assertContains(response, f'<a href="{buyer.get_absolute_url()}">Orchard Buying</a>', html=True)
        assertContains(response, "Buyer · Member")
        assertContains(response, reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug}))
        assertContains(response, reverse("organisations:buyer-members", kwargs={"slug": buyer.slug}))
        assertNotContains(response, "Someone Else")
        assertNotContains(response, "You do not belong to any organisation yet.")

    def test_someone_without_organisations_is_offered_to_register_one(self, client, user):
        client.force_login(user)

        response = client.get(HOME)

        assertContains(response, "You do not belong to any organisation yet.")
        assertContains(response, reverse("organisations:supplier-register"))
        assertContains(response, reverse("organisations:buyer-register"))

    def test_the_header_menu_lists_the_persons_organisations(self, client, supplier, supplier_member):
        client.force_login(supplier_member)

        response = client.get(reverse("organisations:network-list"))

        assertContains(
            response, f'<a class="dropdown-item" href="{supplier.get_absolute_url()}">Repair Coop</a>', html=True
        )
