"""Writes of webhooks: endpoints, publishing an event to an organisation's endpoints,
sending deliveries with retries, disabling an endpoint that keeps failing.

Publishing writes one delivery row per subscribed endpoint in the caller's transaction
(a rolled-back write leaves none) and asks a background task to send each after the
commit. A delivery row carries its next attempt's time, so `manage.py webhooks_retry`
(every minute) sends whatever is due whatever the task backend did: a lost task, a
crash or a retry waiting for its backoff."""

import datetime
import json
import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from marketplace.audit import services as audit
from marketplace.audit.models import Action
from marketplace.core import languages
from marketplace.core.mail import absolute_url, templated_mail_send
from marketplace.organisations.selectors import organisation_administrators

from . import signing, tasks
from .models import TEST_EVENT, DisabledReason, WebhookDelivery, WebhookEndpoint, secret_new
from .transport import Transport, transport, url_check

USER_AGENT = "Responsible-Webhooks/1"


# Endpoints ---------------------------------------------------------------------------


def endpoint_create(*, organisation, url: str, events: list[str], description: str = "", by) -> WebhookEndpoint:
    url_check(url)
    endpoint = WebhookEndpoint.objects.create(
        organisation=organisation, url=url, events=list(events), description=description, created_by=by
    )
    _audit(Action.WEBHOOK_CREATED, endpoint, actor=by, events=endpoint.events)
    return endpoint


def _audit(action: Action, endpoint: WebhookEndpoint, *, actor=None, **details) -> None:
    """The organisation's security log: where its events are sent is theirs to review."""
    audit.record(action, actor=actor, target=endpoint, organisation=endpoint.organisation, details=details)


def endpoint_update(*, endpoint: WebhookEndpoint, url: str, events: list[str], description: str) -> WebhookEndpoint:
    url_check(url)
    endpoint.url, endpoint.events, endpoint.description = url, list(events), description
    endpoint.save(update_fields=["url", "events", "description", "updated_at"])
    _audit(Action.WEBHOOK_CHANGED, endpoint, change="settings", events=endpoint.events)
    return endpoint


def endpoint_secret_roll(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """A new signing secret; the old one stops signing at once."""
    endpoint.secret = secret_new()
    endpoint.save(update_fields=["secret", "updated_at"])
    _audit(Action.WEBHOOK_CHANGED, endpoint, change="secret rolled")
    return endpoint


def endpoint_enable(*, endpoint: WebhookEndpoint, now=None) -> WebhookEndpoint:
    """Back on after being disabled: what waited is sent again from now on."""
    now = now or timezone.now()
    with transaction.atomic():
        endpoint.active, endpoint.disabled_at, endpoint.disabled_reason = True, None, ""
        endpoint.consecutive_failures = 0
        endpoint.save(update_fields=["active", "disabled_at", "disabled_reason", "consecutive_failures", "updated_at"])
        _audit(Action.WEBHOOK_CHANGED, endpoint, change="enabled")
        pending = endpoint.deliveries.filter(status=WebhookDelivery.Status.PENDING)
        ids = list(pending.values_list("pk", flat=True))
        pending.update(next_attempt_at=now)
    _send_after_commit(ids)
    return endpoint


def endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    _audit(Action.WEBHOOK_DELETED, endpoint)
    endpoint.delete()


# Events ------------------------------------------------------------------------------


def event_payload(*, event_id, event_type: str, organisation, data: dict, created) -> dict:
    """The JSON every receiver gets (documented on the endpoints page)."""
    return {
        "id": str(event_id),
        "type": event_type,
        "created": created.isoformat(),
        "organisation": {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name},
        "data": json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
    }


def event_publish(*, organisation, event_type: str, data: dict) -> list[WebhookDelivery]:
    """Queues the event for every active endpoint of `organisation` subscribed to it; the
    deliveries are sent once the current transaction commits, and never if it rolls back."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(organisation=organisation, active=True)
        if event_type in endpoint.events
    ]
    if not endpoints:
        return []
    now, event_id = timezone.now(), uuid.uuid4()
    payload = event_payload(event_id=event_id, event_type=event_type, organisation=organisation, data=data, created=now)
    deliveries = WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=endpoint,
                event_id=event_id,
                event_type=event_type,
                payload=payload,
                next_attempt_at=now,
            )
            for endpoint in endpoints
        ]
    )
    _send_after_commit([delivery.pk for delivery in deliveries])
    return deliveries


def test_event_send(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """A harmless event to this endpoint only, whatever it subscribes to."""
    now, event_id = timezone.now(), uuid.uuid4()
    organisation = endpoint.organisation
    payload = event_payload(
        event_id=event_id,
        event_type=TEST_EVENT,
        organisation=organisation,
        data={"message": "This is a test event from Responsible.", "url": absolute_url(endpoint.get_absolute_url())},
        created=now,
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event_id=event_id, event_type=TEST_EVENT, payload=payload, next_attempt_at=now
    )
    _send_after_commit([delivery.pk])
    return delivery


def delivery_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Sends the same event again (same event id, so receivers can tell it is a repeat),
    as a new row of the log."""
    again = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        payload=delivery.payload,
        redelivery_of=delivery,
        next_attempt_at=timezone.now(),
    )
    _send_after_commit([again.pk])
    return again


def _send_after_commit(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        transaction.on_commit(lambda delivery_id=delivery_id: tasks.delivery_send.enqueue(delivery_id))


# Sending -----------------------------------------------------------------------------


def _claim(delivery_id: int, now) -> WebhookDelivery | None:
    """Takes a due delivery for one sender: its next attempt moves past the send's own
    timeout, so the retry command or a second task finds it taken (one conditional
    UPDATE, so this holds on every database)."""
    lease = now + datetime.timedelta(seconds=settings.WEBHOOKS_TIMEOUT + 60)
    taken = WebhookDelivery.objects.filter(
        pk=delivery_id,
        status=WebhookDelivery.Status.PENDING,
        next_attempt_at__lte=now,
        endpoint__active=True,
    ).update(next_attempt_at=lease)
    if not taken:
        return None
    return WebhookDelivery.objects.select_related("endpoint__organisation").get(pk=delivery_id)


def retry_delay(attempts: int) -> datetime.timedelta | None:
    """The wait after the `attempts`-th failed attempt; None once attempts are used up."""
    if attempts >= settings.WEBHOOKS_MAX_ATTEMPTS:
        return None
    backoff = settings.WEBHOOKS_BACKOFF
    return datetime.timedelta(seconds=backoff[min(attempts, len(backoff)) - 1])


def delivery_send(*, delivery_id: int, now=None, via: Transport | None = None) -> WebhookDelivery | None:
    """One attempt of a due delivery. Returns it, or None when it was not due (sent,
    taken by another sender, waiting for its backoff, or its endpoint is disabled)."""
    now = now or timezone.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.HEADER: signing.signature_header(secret=endpoint.secret, body=body, timestamp=int(now.timestamp())),
        "Responsible-Event-Id": str(delivery.event_id),
        "Responsible-Event-Type": delivery.event_type,
    }
    answer = (via or transport()).post(endpoint.url, body, headers)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_status, delivery.response_body = answer.status, answer.body
    delivery.error, delivery.duration_ms = answer.error, answer.duration_ms
    if answer.ok:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.SUCCEEDED, None
    else:
        delay = retry_delay(delivery.attempts)
        delivery.status = WebhookDelivery.Status.PENDING if delay else WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = now + delay if delay else None
    delivery.save()
    _endpoint_record(endpoint, succeeded=answer.ok, now=now)
    return delivery


def _endpoint_record(endpoint: WebhookEndpoint, *, succeeded: bool, now) -> None:
    """Counts failed attempts in a row; at WEBHOOKS_DISABLE_AFTER the endpoint is disabled
    and the organisation's administrators are told."""
    if succeeded:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
        return
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=F("consecutive_failures") + 1)
    disabled = WebhookEndpoint.objects.filter(
        pk=endpoint.pk, active=True, consecutive_failures__gte=settings.WEBHOOKS_DISABLE_AFTER
    ).update(
        active=False,
        disabled_at=now,
        disabled_reason=DisabledReason.FAILURES,
    )
    if disabled:
        endpoint.refresh_from_db()
        _audit(Action.WEBHOOK_CHANGED, endpoint, change="disabled after failed deliveries")
        _disabled_tell(endpoint)


def _disabled_tell(endpoint: WebhookEndpoint) -> None:
    organisation = endpoint.organisation
    context = {
        "organisation": organisation,
        "endpoint": endpoint,
        "failures": settings.WEBHOOKS_DISABLE_AFTER,
        "url": absolute_url(endpoint.get_absolute_url()),
    }
    for user in organisation_administrators(organisation=organisation):
        templated_mail_send(
            to=user.email, template="webhooks/email/endpoint_disabled", context=context, language=languages.of(user)
        )


def deliveries_due_send(*, now=None, via: Transport | None = None) -> int:
    """Sends every delivery whose next attempt is due (oldest first); returns how many
    attempts were made. `manage.py webhooks_retry` runs it every minute."""
    now = now or timezone.now()
    due = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now, endpoint__active=True
    ).order_by("next_attempt_at", "pk")
    sent = 0
    for delivery_id in due.values_list("pk", flat=True)[: settings.WEBHOOKS_BATCH]:
        if delivery_send(delivery_id=delivery_id, now=now, via=via) is not None:
            sent += 1
    return sent
