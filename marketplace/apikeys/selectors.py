"""Reads of API keys: an organisation's keys, and the key a request presents."""

import hmac
from enum import Enum

from marketplace.organisations.selectors import is_member

from .models import ApiKey
from .services import KEY_PREFIX, secret_hash


def organisation_api_keys(organisation):
    return ApiKey.objects.filter(organisation=organisation).select_related("created_by")


class KeyState(Enum):
    VALID = "valid"
    UNKNOWN = "invalid_key"
    REVOKED = "key_revoked"
    EXPIRED = "key_expired"
    OWNER_LEFT = "key_owner_left"


def apikey_check(*, key: str, now) -> tuple[ApiKey | None, KeyState]:
    """The key a caller presents and its state. The secret is compared with the stored
    hash in constant time. A key acts as the person who created it, and stops when
    that person no longer belongs to the organisation."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None, KeyState.UNKNOWN
    api_key = ApiKey.objects.select_related("organisation", "created_by").filter(prefix=parts[1]).first()
    if api_key is None or not hmac.compare_digest(api_key.secret_hash, secret_hash(key)):
        return None, KeyState.UNKNOWN
    if api_key.revoked_at is not None:
        return api_key, KeyState.REVOKED
    if api_key.expires_at is not None and api_key.expires_at <= now:
        return api_key, KeyState.EXPIRED
    creator = api_key.created_by
    belongs = is_member(user=creator, organisation=api_key.organisation_id)
    if not belongs or not creator.is_active:
        return api_key, KeyState.OWNER_LEFT
    return api_key, KeyState.VALID
