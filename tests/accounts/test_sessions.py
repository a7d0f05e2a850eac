"""Where a person is signed in: each sign-in is listed with its browser, a shortened
address and its last activity; signing out of one session, or of every other, signs
those browsers out; a new password does the same."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from marketplace.accounts.models import UserSession
from marketplace.accounts.sessions import device_name, ip_truncated
from marketplace.audit.models import Action, AuditEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)


def signed_in(user, agent, address):
    browser = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    response = browser.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def test_devices_and_addresses_are_named_as_people_recognise_them():
    assert device_name(FIREFOX) == "Firefox on Windows"
    assert device_name(SAFARI) == "Safari on iOS"
    assert device_name(EDGE) == "Edge on Windows"
    assert device_name("") == "Unknown browser"
    assert ip_truncated("203.0.113.77") == "203.0.113.*"
    assert ip_truncated("2001:db8:85a3:8d3:1319:8a2e:370:7348") == "2001:db8:85a3::*"
    assert ip_truncated("") == ""


def test_the_sessions_are_listed_this_one_marked(client, user):
    signed_in(user, SAFARI, "198.51.100.20")
    laptop = signed_in(user, FIREFOX, "203.0.113.77")
    page = laptop.get(reverse("accounts:security")).content.decode()
    assert "Firefox on Windows" in page and "Safari on iOS" in page
    assert "203.0.113.*" in page and "203.0.113.77" not in page
    assert page.count("This session") == 1 and page.count("Sign out of this session") == 1


def test_signing_out_of_another_session_signs_that_browser_out(user):
    phone = signed_in(user, SAFARI, "198.51.100.20")
    laptop = signed_in(user, FIREFOX, "203.0.113.77")
    phone_session = UserSession.objects.get(user_agent=SAFARI)
    response = laptop.post(reverse("accounts:session-sign-out", kwargs={"pk": phone_session.pk}))
    assert response.status_code == 302
    assert phone.get(reverse("accounts:home")).status_code == 302  # sent to sign in
    assert laptop.get(reverse("accounts:home")).status_code == 200
    assert AuditEvent.objects.filter(action=Action.SESSION_SIGNED_OUT, actor=user).exists()


def test_nobody_signs_out_someone_elses_session(user, buyer_admin):
    theirs = signed_in(buyer_admin, SAFARI, "198.51.100.20")
    mine = signed_in(user, FIREFOX, "203.0.113.77")
    their_session = UserSession.objects.get(user=buyer_admin)
    assert mine.post(reverse("accounts:session-sign-out", kwargs={"pk": their_session.pk})).status_code == 404
    assert theirs.get(reverse("accounts:home")).status_code == 200


def test_signing_out_everywhere_else(user):
    others = [signed_in(user, SAFARI, f"198.51.100.{n}") for n in range(2)]
    laptop = signed_in(user, FIREFOX, "203.0.113.77")
    laptop.post(reverse("accounts:sessions-sign-out-others"))
    assert [browser.get(reverse("accounts:home")).status_code for browser in others] == [302, 302]
    assert laptop.get(reverse("accounts:home")).status_code == 200
    assert list(UserSession.objects.filter(user=user).values_list("user_agent", flat=True)) == [FIREFOX]
    assert AuditEvent.objects.get(action=Action.SESSIONS_SIGNED_OUT).details == {"sessions": 2}


def test_a_new_password_signs_out_every_other_session(user):
    phone = signed_in(user, SAFARI, "198.51.100.20")
    laptop = signed_in(user, FIREFOX, "203.0.113.77")
    response = laptop.post(
        reverse("customer:change-password"),
        {"old_password": PASSWORD, "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    assert phone.get(reverse("accounts:home")).status_code == 302
    assert laptop.get(reverse("accounts:home")).status_code == 200
    # This session is still listed, under the key the password change gave it.
    assert UserSession.objects.get(user=user).session_key == laptop.session.session_key
    assert AuditEvent.objects.filter(action=Action.PASSWORD_CHANGED, actor=user).exists()


def test_activity_is_written_at_most_every_few_minutes(user):
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        laptop = signed_in(user, FIREFOX, "203.0.113.77")
        clock.shift(60)
        laptop.get(reverse("accounts:security"))
        assert UserSession.objects.get().last_seen == start
        clock.shift(6 * 60)
        laptop.get(reverse("accounts:security"))
        assert UserSession.objects.get().last_seen == start + dt.timedelta(minutes=7)


def test_signing_out_removes_the_session_from_the_list(user):
    laptop = signed_in(user, FIREFOX, "203.0.113.77")
    laptop.post(reverse("accounts:logout"))
    assert not UserSession.objects.filter(user=user).exists()
