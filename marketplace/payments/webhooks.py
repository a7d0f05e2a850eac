"""Stripe webhooks: verified, stored once per event id, applied in whatever order they come."""

import json
import time

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from . import card
from .models import StripeEvent


class InvalidWebhook(Exception):
    """The request is not a genuine Stripe event (bad signature or payload): answered 400."""


def _payment_intent(obj):
    card.card_payment_sync(intent=obj)


def _charge_refunded(obj):
    card.refund_recorded(charge=obj)


def _account_updated(obj):
    card.supplier_account_updated(account=obj)


# The payment intent's own status tells what happened, so every payment_intent event is
# applied the same way; a late one finds a newer status stored and changes nothing.
HANDLERS = {
    "payment_intent.processing": _payment_intent,
    "payment_intent.succeeded": _payment_intent,
    "payment_intent.payment_failed": _payment_intent,
    "payment_intent.canceled": _payment_intent,
    "charge.refunded": _charge_refunded,
    "account.updated": _account_updated,
}


def _signed_not_ahead(signature: str) -> None:
    """stripe-python refuses signatures older than the tolerance only; one timestamped
    ahead of our clock by more (signed with a leaked secret to be replayed later) is refused too."""
    timestamp = int(dict(item.split("=", 1) for item in signature.split(",") if "=" in item)["t"])
    if timestamp > time.time() + stripe.Webhook.DEFAULT_TOLERANCE:
        raise stripe.SignatureVerificationError("Timestamp ahead of the tolerance zone", signature)


def webhook_handle(*, payload: bytes, signature: str | None) -> StripeEvent | None:
    """Verifies and applies one webhook request. Returns the stored event, or None for a
    replay of an event already received (which changes nothing). Event types we do not
    use are stored and left alone. Raises InvalidWebhook."""
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"), signature, settings.STRIPE_WEBHOOK_SECRET, stripe.Webhook.DEFAULT_TOLERANCE
        )
        _signed_not_ahead(signature)
        event = json.loads(payload)
        event_id, event_type, obj = event["id"], event["type"], event["data"]["object"]
    except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise InvalidWebhook(str(error)) from error
    handler = HANDLERS.get(event_type)
    try:
        # One transaction: an event whose handling fails is not stored, so Stripe's retry applies it.
        with transaction.atomic():
            stored = StripeEvent.objects.create(event_id=event_id, type=event_type, payload=event)
            if handler:
                handler(obj)
                stored.processed = True
                stored.save(update_fields=["processed"])
    except IntegrityError:
        if StripeEvent.objects.filter(event_id=event_id).exists():
            return None
        raise
    return stored
