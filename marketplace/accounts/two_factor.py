"""Two-step sign-in (django-otp): a code from an authenticator app (TOTP) after the
password, with single-use recovery codes (django-otp's static device) for a lost phone.
Anyone may turn it on; operators must (settings.OTP_REQUIRED_FOR_OPERATORS): until their
session passed it, OperatorTwoFactorMiddleware keeps them out of the admins and the
verification queue."""

import base64
import re

import segno
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.audit.models import Action
from marketplace.audit.services import record

from .services import OPERATORS

RECOVERY_CODES = 10
TOTP_CODE = re.compile(r"^\d{6}$")


def is_operator(user) -> bool:
    return user.is_staff or user.is_superuser or user.groups.filter(name=OPERATORS).exists()


def totp_device(user) -> TOTPDevice | None:
    """The person's confirmed authenticator, if two-step sign-in is on."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def totp_setup_start(*, user) -> TOTPDevice:
    """The authenticator being set up: a new secret, not used for signing in until confirmed."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def totp_pending(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def secret_base32(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it when typed, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The set-up link as an inline SVG QR code (made here: no image service sees the secret).
    Safe markup: segno draws the link (which holds the person's e-mail) as modules of a
    path, never as text, and no title or description is asked for."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return mark_safe(svg)


def _recovery_codes_make(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def totp_setup_confirm(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Turn two-step sign-in on once the app's first code is right: the recovery codes
    (shown once), or None for a wrong code."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(code.strip()):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(Action.TWO_FACTOR_ENABLED, actor=user, target=user, target_label=user.email)
    return _recovery_codes_make(user)


@transaction.atomic
def recovery_codes_regenerate(*, user) -> list[str]:
    """New recovery codes; the old ones stop working."""
    codes = _recovery_codes_make(user)
    record(Action.RECOVERY_CODES_REGENERATED, actor=user, target=user, target_label=user.email)
    return codes


@transaction.atomic
def two_factor_disable(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record(Action.TWO_FACTOR_DISABLED, actor=user, target=user, target_label=user.email)


@transaction.atomic
def code_verify(*, user, code: str):
    """The device that accepts `code` (six digits: the app's; else a recovery code, used
    up), or None. Each device throttles its own wrong codes (1, 2, 4… seconds), and an
    app code is accepted once."""
    code = re.sub(r"\s", "", code or "").lower()
    if TOTP_CODE.match(code):
        devices = TOTPDevice.objects.filter(user=user, confirmed=True).select_for_update()
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True).select_for_update()
    device = next((device for device in devices if device.verify_token(code)), None)
    if isinstance(device, StaticDevice):
        record(
            Action.RECOVERY_CODE_USED,
            actor=user,
            target=user,
            target_label=user.email,
            details={"left": device.token_set.count()},
        )
    return device


def _protected_paths() -> re.Pattern:
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:django-admin|cms)/|^/(?:(?:{languages})/)?(?:shop/dashboard|verification)/")


class OperatorTwoFactorMiddleware:
    """Operators whose session has not passed two-step sign-in are sent, from the shop
    dashboard, the Django admin, the Wagtail admin and the verification queue, to set it up
    (or, when it is on, to enter a code for this session), and come back after."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.protected = _protected_paths()

    def __call__(self, request):
        user = request.user
        if (
            settings.OTP_REQUIRED_FOR_OPERATORS
            and user.is_authenticated
            and self.protected.match(request.path_info)
            and not user.is_verified()
            and is_operator(user)
        ):
            query = urlencode({"next": request.get_full_path()})
            if has_two_factor(user):
                messages.info(request, _("Enter a code from your authenticator app to open the operators' pages."))
                return redirect(f"{reverse('accounts:sign-in-code')}?{query}")
            messages.warning(
                request, _("Operators sign in in two steps. Set up an authenticator app to open the operators' pages.")
            )
            return redirect(f"{reverse('accounts:two-factor-setup')}?{query}")
        return self.get_response(request)
