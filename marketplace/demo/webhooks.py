"""Webhooks in the demo: the demo supplier has one endpoint, pointing at a local address
where nothing listens, with the events of its accepted order part and a test event in its
log (each tried once and refused), then disabled, as an administrator would find it after
their receiver went away. Idempotent."""

from django.conf import settings

from marketplace.order.models import Order, PartStatus
from marketplace.webhooks import events, services
from marketplace.webhooks.models import EventType, WebhookEndpoint

DEMO_URL = "http://127.0.0.1:9/responsible-webhooks"


def webhooks_demo(*, supplier, admin) -> None:
    # A local address is refused where private addresses are (production settings).
    if not settings.WEBHOOKS_ALLOW_PRIVATE or WebhookEndpoint.objects.filter(organisation=supplier).exists():
        return
    endpoint = services.endpoint_create(
        organisation=supplier,
        url=DEMO_URL,
        events=[EventType.PART_PLACED, EventType.PART_CONFIRMED, EventType.INVOICE_ISSUED, EventType.INVOICE_PAID],
        description="Demo: a receiver on this computer that is not running; put your own system's address here.",
        by=admin,
    )
    part = Order.objects.filter(supplier=supplier, status=PartStatus.ACCEPTED).order_by("pk").first()
    if part is not None:
        events.part_changed(part)
        if part.invoice_or_none:
            events.invoice_changed(part.invoice_or_none, EventType.INVOICE_ISSUED)
    services.test_event_send(endpoint=endpoint)
    services.deliveries_due_send()
    endpoint.active = False
    endpoint.save(update_fields=["active", "updated_at"])
