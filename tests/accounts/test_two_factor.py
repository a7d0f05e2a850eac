"""Two-step sign-in: setting it up with an app (known key, frozen clock), signing in with a
right, a wrong and a replayed code, recovery codes that work once, turning it off, and
operators kept out of the admins until they have it (the requirement is off in the test
settings, where operators sign in with force_login, and turned on here)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.accounts import two_factor
from marketplace.accounts.services import operator_make
from marketplace.audit.models import Action, AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, "12345678901234567890"


def code(device, at=NOW):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at.timestamp()
    return f"{totp.token():06d}"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def device(user):
    return TOTPDevice.objects.create(user=user, key=KEY, confirmed=True, name="app")


def sign_in(client, user):
    return client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})


def test_known_key_gives_the_rfc_code():
    # RFC 6238, appendix B: at 59 s the SHA-1 code is 94287082 (its last six digits).
    device = TOTPDevice(key=KEY, step=30, t0=0, digits=6, drift=0)
    assert code(device, dt.datetime.fromtimestamp(59, dt.UTC)) == "287082"


def test_set_up_with_the_app_then_sign_in_asks_for_the_code(client, user, clock):
    client.force_login(user)
    page = client.get(reverse("accounts:two-factor-setup")).content.decode()
    pending = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page and two_factor.secret_base32(pending) in page  # the QR code and the key as text
    assert client.post(reverse("accounts:two-factor-setup"), {"code": "000000"}).status_code == 200
    clock.shift(2)  # past the throttle of the wrong code
    response = client.post(reverse("accounts:two-factor-setup"), {"code": code(pending, NOW + dt.timedelta(seconds=2))})
    assert response.status_code == 200 and "Your recovery codes" in response.content.decode()
    assert len(response.context["codes"]) == two_factor.RECOVERY_CODES
    assert two_factor.has_two_factor(user)
    assert AuditEvent.objects.filter(action=Action.TWO_FACTOR_ENABLED, actor=user).exists()

    client.logout()
    response = sign_in(client, user)
    assert response.url == reverse("accounts:sign-in-code")
    assert "_auth_user_id" not in client.session  # the password alone did not sign in


def test_sign_in_with_a_right_code_a_wrong_one_is_refused(client, user, device, clock):
    sign_in(client, user)
    response = client.post(reverse("accounts:sign-in-code"), {"code": "123456"})
    assert response.status_code == 200 and "That code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session
    clock.shift(2)
    response = client.post(reverse("accounts:sign-in-code"), {"code": code(device, NOW + dt.timedelta(seconds=2))})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("accounts:home")).wsgi_request.user.is_verified()


def test_a_code_is_accepted_once(client, user, device, clock):
    right = code(device)
    sign_in(client, user)
    client.post(reverse("accounts:sign-in-code"), {"code": right})
    client.logout()
    sign_in(client, user)
    response = client.post(reverse("accounts:sign-in-code"), {"code": right})
    assert "_auth_user_id" not in client.session and response.status_code == 200


def test_wrong_codes_count_towards_the_sign_in_pause(client, user, device, clock, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # without the device's own throttle, the sign-in pause stops them
    sign_in(client, user)
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        statuses.append(client.post(reverse("accounts:sign-in-code"), {"code": "000000"}).status_code)
    assert statuses[-1] == 429
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_LOCKED_OUT, target_id=str(user.pk)).exists()


def test_the_code_step_expires(client, user, device, clock, settings):
    sign_in(client, user)
    clock.shift(settings.TWO_FACTOR_PENDING_SECONDS + 1)
    response = client.post(reverse("accounts:sign-in-code"), {"code": code(device)})
    assert response.url == reverse("accounts:login") and "_auth_user_id" not in client.session


def test_a_recovery_code_works_once(client, user, device, clock):
    recovery = two_factor.recovery_codes_regenerate(user=user)[0]
    sign_in(client, user)
    assert client.post(reverse("accounts:sign-in-code"), {"code": recovery.upper()}).status_code == 302
    assert AuditEvent.objects.filter(action=Action.RECOVERY_CODE_USED, actor=user).exists()
    client.logout()
    clock.shift(5)
    sign_in(client, user)
    client.post(reverse("accounts:sign-in-code"), {"code": recovery})
    assert "_auth_user_id" not in client.session
    assert two_factor.recovery_codes_left(user) == two_factor.RECOVERY_CODES - 1


def test_new_recovery_codes_replace_the_old(client, user, device, clock):
    old = two_factor.recovery_codes_regenerate(user=user)
    sign_in(client, user)
    client.post(reverse("accounts:sign-in-code"), {"code": code(device)})
    response = client.post(reverse("accounts:recovery-codes"))
    new = response.context["codes"]
    assert set(new).isdisjoint(old)
    assert set(StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True)) == set(new)
    assert AuditEvent.objects.filter(action=Action.RECOVERY_CODES_REGENERATED).count() == 2


def test_turning_off_needs_the_password_and_a_code(client, user, device, clock):
    client.force_login(user)
    url = reverse("accounts:two-factor-disable")
    response = client.post(url, {"password": "not-it", "code": code(device)})
    assert "That is not your password" in response.content.decode() and two_factor.has_two_factor(user)
    assert client.post(url, {"password": PASSWORD, "code": code(device)}).url == reverse("accounts:security")
    assert not two_factor.has_two_factor(user)
    assert AuditEvent.objects.filter(action=Action.TWO_FACTOR_DISABLED, actor=user).exists()


OPERATOR_PAGES = ["/shop/dashboard/", "/django-admin/", "/cms/", "/verification/", "/fr/shop/dashboard/"]


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_OPERATORS = True


@pytest.fixture
def operator(db):
    user = UserFactory(email="olga@responsible.example")
    operator_make(user=user)
    return user


def test_an_operator_without_an_app_is_sent_to_set_it_up(client, required, operator):
    client.force_login(operator)
    for path in OPERATOR_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url.startswith(reverse("accounts:two-factor-setup")), path
    page = client.get(response.url).content.decode()
    assert "Operators sign in in two steps" in page


def test_an_operator_with_an_app_passes_the_code_once_per_session(client, required, operator, clock):
    device = TOTPDevice.objects.create(user=operator, key=KEY, confirmed=True)
    client.force_login(operator)  # a session from before (or force_login): not passed yet
    response = client.get("/shop/dashboard/")
    assert response.url.startswith(reverse("accounts:sign-in-code"))
    response = client.post(response.url, {"code": code(device), "next": "/shop/dashboard/"})
    assert response.url == "/shop/dashboard/"
    assert client.get("/shop/dashboard/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_signing_in_with_the_code_opens_the_admins(client, required, operator, clock):
    device = TOTPDevice.objects.create(user=operator, key=KEY, confirmed=True)
    client.post(reverse("accounts:login"), {"username": operator.email, "password": PASSWORD, "next": "/django-admin/"})
    response = client.post(reverse("accounts:sign-in-code"), {"code": code(device)})
    assert response.url == "/django-admin/"
    assert client.get("/django-admin/").status_code == 200


def test_other_people_are_not_asked(client, required, supplier_admin):
    client.force_login(supplier_admin)
    assert client.get(reverse("accounts:home")).status_code == 200
    # Not an operator: the verification queue answers as it always did (no detour to set-up).
    response = client.get("/verification/")
    assert not response.get("Location", "").startswith(reverse("accounts:two-factor-setup"))


def test_the_settings_people_run_require_it():
    from marketplace.settings import base

    assert base.OTP_REQUIRED_FOR_OPERATORS


def test_admins_are_offered_it_on_their_account_page(client, supplier, supplier_admin, supplier_member):
    client.force_login(supplier_admin)
    assert "Turn on two-step sign-in" in client.get(reverse("accounts:home")).content.decode()
    client.force_login(supplier_member)
    assert "Protect your organisation" not in client.get(reverse("accounts:home")).content.decode()


def test_the_demo_operator_signs_in_with_the_published_key(required, operator, clock):
    from marketplace.demo.security import DEMO_TOTP_KEY, security_demo, two_step_note

    security_demo(operator=operator)
    security_demo(operator=operator)  # idempotent
    device = TOTPDevice.objects.get(user=operator)
    assert DEMO_TOTP_KEY in two_step_note()  # what `make run` and `load_demo` print under the demo logins
    assert two_factor.secret_base32(device).replace(" ", "") == DEMO_TOTP_KEY
    assert AuditEvent.objects.filter(action=Action.TWO_FACTOR_ENABLED, actor=operator).count() == 1
