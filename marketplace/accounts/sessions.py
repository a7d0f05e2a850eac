"""Where a person is signed in: each session is recorded when they sign in (user_logged_in)
and its activity is kept by SessionActivityMiddleware at most every SESSION_ACTIVITY_INTERVAL.
Signing a session out deletes it from the session store (whichever backend SESSION_ENGINE
names), so its browser is signed out at its next request."""

import ipaddress
import re
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit.models import Action
from marketplace.audit.services import record

from .models import UserSession
from .throttling import client_ip

# (pattern, name) in the order to try: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = [
    (r"Edg(e|A|iOS)?/", "Edge"),
    (r"OPR/|Opera", "Opera"),
    (r"Firefox/|FxiOS/", "Firefox"),
    (r"Chrome/|CriOS/|Chromium/", "Chrome"),
    (r"Safari/", "Safari"),
]
SYSTEMS = [
    (r"Android", "Android"),
    (r"iPhone|iPad|iPod", "iOS"),
    (r"Windows", "Windows"),
    (r"Mac OS X|Macintosh", "macOS"),
    (r"CrOS", "ChromeOS"),
    (r"Linux", "Linux"),
]


def _first(patterns, text: str) -> str:
    return next((name for pattern, name in patterns if re.search(pattern, text)), "")


def device_name(user_agent: str) -> str:
    """'Firefox on Windows' from a browser's User-Agent; what is unknown is said so."""
    browser, system = _first(BROWSERS, user_agent), _first(SYSTEMS, user_agent)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def ip_truncated(address: str) -> str:
    """The address without its last part (203.0.113.* / 2001:db8:1::*): a place, not a machine."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if ip.version == 4:
        return str(ipaddress.ip_network(f"{ip}/24", strict=False).network_address).rsplit(".", 1)[0] + ".*"
    prefix = ipaddress.ip_network(f"{ip}/48", strict=False).network_address
    return f"{str(prefix).rstrip(':')}::*"


# The session's own note of when its record was last written: most requests need no query.
SEEN_SESSION_KEY = "_activity_recorded"


def session_started(sender, request, user, **kwargs) -> None:
    """user_logged_in: record the new session (its key is the one login() just made)."""
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return
    now = timezone.now()
    session[SEEN_SESSION_KEY] = int(now.timestamp())
    UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
            "ip_address": ip_truncated(client_ip(request)),
            "last_seen": now,
        },
    )


def session_ended(sender, request, user, **kwargs) -> None:
    """user_logged_out: the session is gone from the store; so is its record."""
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()


class SessionActivityMiddleware:
    """Keeps the signed-in session's record: its last activity (written at most every
    SESSION_ACTIVITY_INTERVAL, not on every request) and a record for a session that
    predates them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        key = request.session.session_key
        if user is not None and user.is_authenticated and key:
            now = timezone.now()
            seen = request.session.get(SEEN_SESSION_KEY, 0)
            if now.timestamp() - seen >= settings.SESSION_ACTIVITY_INTERVAL.total_seconds():
                request.session[SEEN_SESSION_KEY] = int(now.timestamp())
                if not UserSession.objects.filter(session_key=key, user=user).update(last_seen=now):
                    session_started(None, request, user)
        return self.get_response(request)


def user_sessions(*, user):
    """The person's signed-in sessions, the most recently active first."""
    return UserSession.objects.filter(user=user)


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _sign_out(sessions) -> int:
    store = _store()
    keys = list(sessions.values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    sessions.delete()
    return len(keys)


def sessions_sign_out_all(*, user) -> int:
    """Every session of the person ends, whatever the session store (their account is erased)."""
    return _sign_out(user_sessions(user=user))


@transaction.atomic
def session_sign_out(*, user, session_id: int, current_key: str) -> bool:
    """Sign the person out of one of their other sessions; False if it is not theirs (or is this one)."""
    sessions = UserSession.objects.filter(user=user, pk=session_id).exclude(session_key=current_key)
    if not _sign_out(sessions):
        return False
    record(Action.SESSION_SIGNED_OUT, actor=user, target=user, target_label=user.email)
    return True


def _others(user, current_key: str):
    return UserSession.objects.filter(user=user).exclude(session_key=current_key or "")


@transaction.atomic
def sessions_sign_out_others(*, user, current_key: str) -> int:
    """Sign the person out everywhere but in the session `current_key`; the number signed out."""
    count = _sign_out(_others(user, current_key))
    record(Action.SESSIONS_SIGNED_OUT, actor=user, target=user, target_label=user.email, details={"sessions": count})
    return count


@transaction.atomic
def password_changed(*, user, current_key: str = "", previous_key: str = "") -> None:
    """After a new password: every other session is signed out (the one that changed it stays,
    kept valid by update_session_auth_hash under a new key, `current_key`; after a reset by
    e-mail there is none)."""
    if previous_key and current_key:
        UserSession.objects.filter(session_key=previous_key).update(session_key=current_key)
    count = _sign_out(_others(user, current_key))
    record(Action.PASSWORD_CHANGED, actor=user, target=user, target_label=user.email, details={"sessions": count})
