"""Sending: the signature verifies with the snippet the page documents, failures are
tried again on the backoff schedule by `webhooks_retry`, an endpoint that keeps failing
is disabled and its administrators are told, redelivery sends the same event again."""

import datetime
import json

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from marketplace.webhooks import services
from marketplace.webhooks.models import WebhookDelivery
from marketplace.webhooks.signing import HEADER, VERIFY_SNIPPET
from tests.webhooks.conftest import endpoint_for

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


def verify_function():
    namespace = {}
    exec(VERIFY_SNIPPET, namespace)  # exactly the code the endpoints page shows
    return namespace["verify"]


def test_a_delivery_verifies_with_the_documented_snippet(receiver, supplier, django_capture_on_commit_callbacks):
    endpoint = endpoint_for(supplier, receiver)
    with django_capture_on_commit_callbacks(execute=True):
        services.test_event_send(endpoint=endpoint)
    (request,) = receiver.requests
    verify = verify_function()
    header = request.headers[HEADER]
    assert verify(endpoint.secret, request.body, header)
    body = json.loads(request.body)
    assert body["type"] == "webhook.test" and body["organisation"]["id"] == supplier.pk
    # A changed body, another secret or an old signature are refused.
    assert not verify(endpoint.secret, request.body.replace(b"test", b"tesT"), header)
    assert not verify("whsec_other", request.body, header)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        assert not verify(endpoint.secret, request.body, header)


def test_failures_are_retried_with_backoff_until_they_succeed(receiver, supplier, settings):
    settings.WEBHOOKS_BACKOFF = [60, 300, 1800]
    endpoint = endpoint_for(supplier, receiver)
    receiver.answer(500, 503, 500)
    with time_machine.travel(START, tick=False):
        delivery = services.test_event_send(endpoint=endpoint)  # sent by the command, not a task
        call_command("webhooks_retry", stdout=None)
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status, delivery.response_status) == (1, "pending", 500)
    assert delivery.next_attempt_at == START + datetime.timedelta(minutes=1)
    assert delivery.response_body == "not now"
    # Not due yet: nothing is sent.
    assert services.deliveries_due_send(now=START + datetime.timedelta(seconds=59)) == 0
    expected_waits = [(START + datetime.timedelta(minutes=1), 5), (START + datetime.timedelta(minutes=6), 30)]
    for now, minutes in expected_waits:
        assert services.deliveries_due_send(now=now) == 1
        delivery.refresh_from_db()
        assert delivery.next_attempt_at == now + datetime.timedelta(minutes=minutes)
    last = START + datetime.timedelta(minutes=36)
    assert services.deliveries_due_send(now=last) == 1
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status, delivery.next_attempt_at) == (4, "succeeded", None)
    assert len(receiver.requests) == 4
    assert len({request.body for request in receiver.requests}) == 1  # the same event every time
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0


def test_a_delivery_gives_up_after_its_attempts(receiver, supplier, settings):
    settings.WEBHOOKS_BACKOFF, settings.WEBHOOKS_MAX_ATTEMPTS = [60], 2
    endpoint = endpoint_for(supplier, receiver)
    receiver.answer(500, 500)
    with time_machine.travel(START, tick=False):
        delivery = services.test_event_send(endpoint=endpoint)
    services.deliveries_due_send(now=START + datetime.timedelta(days=1))
    services.deliveries_due_send(now=START + datetime.timedelta(days=2))
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status, delivery.next_attempt_at) == (2, "failed", None)
    assert services.deliveries_due_send(now=START + datetime.timedelta(days=3)) == 0


def test_an_endpoint_that_keeps_failing_is_disabled_and_its_admins_told(
    receiver, supplier, supplier_member, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_DISABLE_AFTER = 3
    supplier_admin = supplier.memberships.get(role="admin").user
    supplier_admin.language = "fr"
    supplier_admin.save()
    endpoint = endpoint_for(supplier, receiver)
    receiver.answer(500, 500, 500)
    with time_machine.travel(START, tick=False):
        deliveries = [services.test_event_send(endpoint=endpoint) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.deliveries_due_send(now=START + datetime.timedelta(days=1)) == 3
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_reason == "failures"
    # Only the administrator, in French.
    (message,) = mail.outbox
    assert message.to == [supplier_admin.email]
    assert "désactivé" in message.subject and endpoint.url in message.body
    # Disabled: nothing more is sent, and the pending retries wait.
    assert services.deliveries_due_send(now=START + datetime.timedelta(days=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.endpoint_enable(endpoint=endpoint)
    assert len(receiver.requests) == 6
    assert {d.status for d in WebhookDelivery.objects.filter(pk__in=[d.pk for d in deliveries])} == {"succeeded"}


def test_redelivery_sends_the_same_event_again(receiver, supplier, django_capture_on_commit_callbacks):
    endpoint = endpoint_for(supplier, receiver)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.test_event_send(endpoint=endpoint)
    with django_capture_on_commit_callbacks(execute=True):
        again = services.delivery_redeliver(delivery=first)
    again.refresh_from_db()
    assert again.pk != first.pk and again.event_id == first.event_id and again.status == "succeeded"
    first_body, second_body = (json.loads(request.body) for request in receiver.requests)
    assert first_body == second_body


def test_private_addresses_are_refused_unless_allowed(supplier, settings):
    from django.core.exceptions import ValidationError

    from marketplace.webhooks.transport import RequestsTransport

    settings.WEBHOOKS_ALLOW_PRIVATE = False
    for url in (
        "http://example.com/hook",
        "https://127.0.0.1/hook",
        "https://10.1.2.3/",
        "https://[::1]/",
        "https://localhost/",
    ):
        with pytest.raises(ValidationError):
            services.endpoint_create(organisation=supplier, url=url, events=["invoice.paid"], by=None)
    # At send time too: an endpoint saved while allowed (or whose name now resolves inside) is not called.
    answer = RequestsTransport(timeout=1).post("https://127.0.0.1:9/hook", b"{}", {})
    assert answer.status is None and "private" in answer.error
