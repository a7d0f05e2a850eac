"""Reads of the audit log."""

from django.db.models import QuerySet

from .models import AuditEvent


def organisation_events(*, organisation) -> QuerySet[AuditEvent]:
    """What happened to an organisation, newest first, for its administrators."""
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor", "actor_organisation")
