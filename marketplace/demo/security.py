"""Account security in the demo. Operators must sign in in two steps wherever
OTP_REQUIRED_FOR_OPERATORS is on (development included), so the demo operator has an
authenticator with a published key, like the demo password (README: "Demo logins"): add it
to an authenticator app, or print the current code with the command `make run` shows.
Where the requirement is off (the tests' settings), the demo operator has no authenticator
and signs in with the password alone. The audit log holds what the loader's services
recorded (suppliers and claims verified) and the operator's set-up. Idempotent."""

import base64

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.audit.models import Action
from marketplace.audit.services import record

# Fictional and public, as the demo password is: never use it for a real account.
DEMO_TOTP_KEY = "RESPONSIBLEDEMOKEYFOROPERATORS23"
CODE_COMMAND = (
    '.venv/bin/python -c "import base64; from django_otp.oath import totp; '
    f"print('%06d' % totp(base64.b32decode('{DEMO_TOTP_KEY}')))\""
)


def security_demo(*, operator) -> None:
    if not settings.OTP_REQUIRED_FOR_OPERATORS:
        return
    key = base64.b32decode(DEMO_TOTP_KEY).hex()
    device, created = TOTPDevice.objects.get_or_create(
        user=operator, confirmed=True, defaults={"name": "Demo authenticator", "key": key}
    )
    if created:
        record(Action.TWO_FACTOR_ENABLED, actor=operator, target=operator, target_label=operator.email)


def two_step_note() -> str:
    """How the demo operator signs in, for the list of demo logins."""
    return (
        f"operator@example.com signs in in two steps: authenticator key {DEMO_TOTP_KEY} "
        f"(time-based, 6 digits, 30 s), or the current code from: {CODE_COMMAND}"
    )
