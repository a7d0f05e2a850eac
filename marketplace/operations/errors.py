"""Optional error reporting (Sentry's SDK, which GlitchTip and other services also speak)."""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def error_reporting_init(*, dsn: str, environment: str, release: str, traces_sample_rate: float, **options) -> bool:
    """Start reporting errors when a DSN is given; whether it started. People's data stays out of reports: no
    user details, request bodies or values of variables (an e-mail address in a local variable, say)."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        traces_sample_rate=traces_sample_rate,
        data_collection={"user_info": False, "http_bodies": [], "stack_frame_variables": False},
        integrations=[DjangoIntegration()],
        **options,
    )
    return True
