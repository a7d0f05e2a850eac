"""`Authorization: Bearer <key>` for the organisations' API, with the per-key rate
limit (API_RATE_LIMIT) and the scope and kind of organisation an endpoint needs."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from . import services
from .errors import ApiError
from .selectors import KeyState, apikey_check

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def rate_limit() -> tuple[int, int]:
    """(calls, seconds) from API_RATE_LIMIT, e.g. "120/minute"."""
    count, period = settings.API_RATE_LIMIT.split("/")
    return int(count), PERIODS[period.strip()]


def rate_check(api_key, now: float) -> None:
    """A fixed window per key in the cache (Redis in production, so every process
    counts together). Raises a 429 with Retry-After once the window's calls are used."""
    limit, seconds = rate_limit()
    window = int(now // seconds)
    name = f"api-rate:{api_key.pk}:{window}"
    cache.add(name, 0, timeout=seconds + 1)
    try:
        calls = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=seconds + 1)
        calls = 1
    if calls > limit:
        retry_after = max(1, int((window + 1) * seconds - now) + 1)
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests for this key: at most %(limit)s per %(seconds)s seconds.")
            % {"limit": limit, "seconds": seconds},
            headers={"Retry-After": str(retry_after)},
        )


REFUSALS = {
    KeyState.UNKNOWN: lambda: _("This API key is not valid."),
    KeyState.REVOKED: lambda: _("This API key was revoked."),
    KeyState.EXPIRED: lambda: _("This API key has expired."),
    KeyState.OWNER_LEFT: lambda: _("The person who created this API key no longer belongs to the organisation."),
}


def request_api_key(request, token: str):
    """The valid key of the request (looked up once per request), or an ApiError 401."""
    if getattr(request, "_api_key", None) is None:
        api_key, state = apikey_check(key=token, now=timezone.now())
        if state is not KeyState.VALID:
            raise ApiError(401, state.value, REFUSALS[state](), headers={"WWW-Authenticate": "Bearer"})
        request._api_key = api_key
    return request._api_key


def bearer_token(request) -> str:
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class ApiKeyAuth(HttpBearer):
    """Lets in a valid key of an organisation of `kind` ("supplier" or "buyer"); others
    get 404, as a page of another organisation answers. `write` endpoints need a key
    with the write scope (403 otherwise)."""

    def __init__(self, kind: str, write: bool = False):
        super().__init__()
        self.kind, self.write = kind, write

    def authenticate(self, request, token):
        api_key = request_api_key(request, token)
        rate_check(api_key, time.time())
        services.apikey_used(api_key=api_key, now=timezone.now())
        if api_key.organisation.kind != self.kind:
            raise Http404
        if self.write and not api_key.can_write:
            raise ApiError(403, "scope_required", _("This API key may only read: create a key with write access."))
        return api_key
