"""Writes of API keys: organisation administrators create and revoke them; each
authenticated call notes when the key was last used."""

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit import services as audit
from marketplace.audit.models import Action
from marketplace.organisations.selectors import membership_get

from .models import ApiKey, Scope

KEY_PREFIX = "rsp"


def secret_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass
class NewKey:
    api_key: ApiKey
    key: str  # the whole key, shown once and never stored


def _admin_check(*, organisation, by) -> None:
    membership = membership_get(user=by, organisation=organisation)
    if membership is None or not membership.is_admin:
        raise PermissionDenied(_("Only administrators of %(name)s manage its API keys.") % {"name": organisation.name})


@transaction.atomic
def apikey_create(*, organisation, by, name: str, scope: str, expires_at=None) -> NewKey:
    """A new key for the organisation; the returned `key` is the only copy of its secret."""
    _admin_check(organisation=organisation, by=by)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the key a name, e.g. the system that will use it.")})
    if scope not in Scope.values:
        raise ValidationError({"scope": _("Choose read only, or read and write.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must be in the future.")})
    prefix = secrets.token_hex(4)
    key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        organisation=organisation,
        name=name[:100],
        prefix=prefix,
        secret_hash=secret_hash(key),
        scope=scope,
        created_by=by,
        expires_at=expires_at,
    )
    audit.record(
        Action.API_KEY_CREATED,
        actor=by,
        target=api_key,
        organisation=organisation,
        details={"scope": scope},
    )
    return NewKey(api_key=api_key, key=key)


@transaction.atomic
def apikey_revoke(*, api_key: ApiKey, by) -> ApiKey:
    """Stops the key at once. Revoking twice keeps the first date."""
    _admin_check(organisation=api_key.organisation, by=by)
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
        audit.record(
            Action.API_KEY_REVOKED,
            actor=by,
            target=api_key,
            organisation=api_key.organisation,
        )
    return api_key


def apikey_used(*, api_key: ApiKey, now) -> None:
    """Notes the use, at most once a minute per key, so busy keys do not write on every call."""
    if api_key.last_used_at is None or (now - api_key.last_used_at).total_seconds() >= 60:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
