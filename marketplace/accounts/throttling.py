"""Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
account, or from one address, signing in is refused for AXES_COOLOFF_TIME, on every
sign-in page (axes sits in the authentication backends, which all of them call).
A person unlocks their account by resetting their password; operators unlock anyone
in the Django admin (Access attempts)."""

from axes.utils import reset
from django.conf import settings


def client_ip(request) -> str:
    """The client's address. Behind the production reverse proxy, REMOTE_ADDR is the
    proxy's (everyone would share one lock-out): the proxy appends the client's own
    address to X-Forwarded-For, so its last entry is the one to trust."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_username(request, credentials) -> str | None:
    """The account a sign-in is for: the e-mail address typed (forms name the field
    `username` or `email`), in lower case, since addresses are matched case-insensitively
    (an attacker changing case must not get fresh tries)."""
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get("email") or request.POST.get("username")
    return typed.strip().lower() if typed else None


def account_unlock(*, user, request) -> None:
    """Clear the failed sign-ins of this account and of the address the owner proved it from."""
    reset(username=user.email.lower())
    reset(ip=client_ip(request))
