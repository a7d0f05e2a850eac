"""Sign-in attacks and account flows: wrong passwords are throttled per account and
per address on the one sign-in page left (the others send people to it), the lock
lifts by a password reset or an operator; reset links name our address; signing
out is POST only."""

import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from marketplace.accounts.services import operator_make
from marketplace.organisations.models import Role
from tests.factories import PASSWORD, MembershipFactory, UserFactory, operator

pytestmark = pytest.mark.django_db
User = get_user_model()

SIGN_IN = "/accounts/sign-in/"
LOCKED = "Signing in is paused"


def sign_in(client, email, password, **extra):
    return client.post(SIGN_IN, {"username": email, "password": password}, **extra)


def fail(client, email, times, **extra):
    """Wrong passwords; the one that reaches the limit is answered with the lock-out page."""
    return [sign_in(client, email, "wrong-password", **extra).status_code for _ in range(times)]


def test_the_right_password_is_refused_after_too_many_wrong_ones(client, user):
    # From as many addresses as tries (a botnet): the account itself is locked.
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user.email.upper() if n % 2 else user.email, "wrong-password", REMOTE_ADDR=f"203.0.113.{n}")

    response = sign_in(client, user.email, PASSWORD, REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 429
    assert LOCKED in response.content.decode() and "/shop/password-reset/" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_fewer_wrong_passwords_than_the_limit_do_not_lock(client, user):
    fail(client, user.email, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, user.email, PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked_out_of_all(client, user, buyer_admin):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{n}@example.org", "wrong-password", REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, user.email, PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    # Another address, and the account itself, are not affected.
    assert sign_in(client, buyer_admin.email, PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_behind_the_proxy_each_client_address_counts_on_its_own(client, user, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{n}@example.org", "wrong-password", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert sign_in(client, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 302


@pytest.mark.parametrize(
    "path", ["/django-admin/login/", "/cms/login/", "/shop/accounts/login/", "/shop/dashboard/login/"]
)
def test_other_sign_in_pages_send_people_to_ours_keeping_where_they_were_going(client, path):
    response = client.get(f"{path}?next=/somewhere/")
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/somewhere/"
    # Posting passwords there signs nobody in: the page does not take them.
    assert client.post(path, {"username": "x@example.org", "password": "y"}).status_code in {302, 405}


@pytest.mark.parametrize(
    "path,area",
    [
        ("/cms/login/", "/cms/"),
        ("/django-admin/login/", "/django-admin/"),
        ("/shop/dashboard/login/", "/shop/dashboard/"),
    ],
)
def test_without_next_people_come_back_to_the_area_they_signed_in_for(client, path, area):
    assert client.get(path)["Location"] == f"{SIGN_IN}?next={area}"


def test_admin_areas_ask_to_sign_in_on_our_page(client):
    for area in ("/django-admin/", "/cms/", "/shop/dashboard/"):
        response = client.get(area, follow=True)
        assert response.redirect_chain[-1][0].startswith(SIGN_IN), area


def test_a_password_reset_lifts_the_lock_and_links_to_our_address(client, user):
    fail(client, user.email, settings.AXES_FAILURE_LIMIT)
    client.post("/shop/password-reset/", {"email": user.email})
    link = re.search(r"https?://\S+/password-reset/confirm/\S+/", mail.outbox[-1].body).group(0)
    assert link.startswith(settings.SITE_URL) and "example.com" not in mail.outbox[-1].body

    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-9", "new_password2": "a-new-long-password-9"},
    )

    assert sign_in(client, user.email, "a-new-long-password-9").status_code == 302


def test_an_operator_lifts_the_lock_in_the_admin(client, user):
    fail(client, user.email, settings.AXES_FAILURE_LIMIT)
    attempts = AccessAttempt.objects.filter(username=user.email)
    staff = operator()
    operator_make(user=staff)
    client.force_login(staff)
    assert client.get("/django-admin/axes/accessattempt/").status_code == 200
    client.post(
        "/django-admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )
    client.logout()

    assert sign_in(client, user.email, PASSWORD).status_code == 302


def test_signing_out_is_post_only(client):
    person = UserFactory(email="stays@example.org")
    client.force_login(person)
    assert client.get("/shop/accounts/logout/").status_code == 405
    assert client.get("/accounts/").status_code == 200
    client.post("/shop/accounts/logout/")
    assert client.get("/accounts/").status_code == 302


def test_the_last_administrator_hands_over_before_deleting_their_account(client, supplier, supplier_admin, password):
    client.force_login(supplier_admin)

    response = client.post("/shop/accounts/profile/delete/", {"password": password}, follow=True)

    assert "You are the only administrator of Repair Coop." in response.content.decode()
    assert User.objects.filter(pk=supplier_admin.pk).exists()


def test_an_administrator_with_a_co_administrator_may_delete_their_account(client, supplier, supplier_admin, password):
    colleague = UserFactory(email="co-admin@repair-coop.example")
    MembershipFactory(user=colleague, organisation=supplier, role=Role.ADMIN)
    client.force_login(supplier_admin)

    client.post("/shop/accounts/profile/delete/", {"password": password})

    assert not User.objects.filter(pk=supplier_admin.pk).exists()
    assert supplier.memberships.get().user == colleague
