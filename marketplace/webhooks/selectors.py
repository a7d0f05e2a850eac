from django.shortcuts import get_object_or_404

from .models import WebhookDelivery, WebhookEndpoint

LOG_LENGTH = 50


def endpoints_of(*, organisation):
    return WebhookEndpoint.objects.filter(organisation=organisation).order_by("url", "pk")


def endpoint_of(*, organisation, pk: int) -> WebhookEndpoint:
    """The organisation's endpoint, or 404 (another organisation's is not found either)."""
    return get_object_or_404(WebhookEndpoint.objects.select_related("organisation"), organisation=organisation, pk=pk)


def delivery_log(*, endpoint: WebhookEndpoint):
    """The endpoint's latest deliveries, newest first."""
    return endpoint.deliveries.order_by("-created_at", "-pk")[:LOG_LENGTH]


def delivery_of(*, endpoint: WebhookEndpoint, pk: int) -> WebhookDelivery:
    return get_object_or_404(WebhookDelivery, endpoint=endpoint, pk=pk)
