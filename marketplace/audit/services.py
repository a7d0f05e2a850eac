"""The one way to write to the audit log: `record(Action.…, target=…, organisation=…)`.
Called from the services that do the security-relevant thing, inside their transaction,
so that an action rolled back leaves no event. Who acted and from which address are
read from the request being answered when the caller does not say."""

import ipaddress

from django.contrib.auth import get_user_model

from marketplace.accounts.throttling import client_ip
from marketplace.core.middleware import current_request
from marketplace.organisations.selectors import is_member

from .models import Action, AuditEvent


def _ip(request) -> str | None:
    if request is None:
        return None
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def record(
    action: Action,
    *,
    actor=None,
    target=None,
    target_label: str = "",
    organisation=None,
    actor_organisation=None,
    details: dict | None = None,
    request=None,
) -> AuditEvent:
    """Add an event. `target` is the model instance acted on (its label is its str() unless
    `target_label` says better); `organisation` the one concerned, whose administrators see
    the event; `actor` defaults to the signed-in person, who acts for `organisation` when
    they belong to it (an operator acting on it does not)."""
    request = request if request is not None else current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if (
        actor_organisation is None
        and organisation is not None
        and actor is not None
        and is_member(user=actor, organisation=organisation)
    ):
        actor_organisation = organisation
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_organisation=actor_organisation,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(target_label or (str(target) if target is not None else ""))[:300],
        organisation=organisation,
        ip_address=_ip(request),
        details=details or {},
    )


def sign_in_locked_out(sender, request, username, **kwargs) -> None:
    """django-axes paused signing in to an account (or from an address) after failed attempts."""
    account = get_user_model().objects.filter(email__iexact=username).first() if username else None
    record(
        Action.SIGN_IN_LOCKED_OUT,
        actor=None,
        target=account,
        target_label=username or "",
        request=request,
        details={"username": username or ""},
    )


def person_forget(*, user) -> None:
    """Erasure of a person (marketplace.privacy): events stay, as the organisation's record of
    what was done, but no longer say who was concerned nor from which address they acted.
    Events acted on a person name them by e-mail; the actor link itself is cut by the
    foreign key (SET_NULL) when the account goes."""
    AuditEvent.objects.filter(target_type=user._meta.label_lower, target_id=str(user.pk)).update(target_label="")
    AuditEvent.objects.filter(target_label__iexact=user.email).update(target_label="")
    AuditEvent.objects.filter(actor=user).update(ip_address=None)
