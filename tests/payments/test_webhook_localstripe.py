"""Signed webhooks sent by localstripe itself reach the endpoint over HTTP and pay the
purchase, without the buyer's return page."""

import time

import pytest
import requests
from django.conf import settings

from marketplace.order.models import Purchase
from marketplace.payments.card import card_payment_start
from marketplace.payments.models import StripeEvent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def webhook_to_live_server(live_server, fake_stripe):
    """localstripe posts its events to this test's server; afterwards to a closed port, so
    that no later test's events reach the live server (localstripe cannot unregister)."""

    def register(url):
        response = requests.post(
            f"{fake_stripe.url}/_config/webhooks/live-server",
            data={"url": url, "secret": settings.STRIPE_WEBHOOK_SECRET},
            timeout=5,
        )
        response.raise_for_status()

    register(f"{live_server.url}/payments/stripe/webhook/")
    yield
    register("http://127.0.0.1:9/closed/")


def wait_for_event(event_type, seconds=20):
    """localstripe sends an event about a second after the change; poll until it is stored."""
    deadline = time.monotonic() + seconds
    while not StripeEvent.objects.filter(type=event_type, processed=True).exists():
        assert time.monotonic() < deadline, f"no {event_type} webhook arrived"
        time.sleep(0.2)


def test_success_webhook_from_localstripe_pays_the_purchase(webhook_to_live_server, fake_stripe, card_purchase):
    payment, _ = card_payment_start(purchase=card_purchase)

    # The payment is confirmed at Stripe while our server looks away (the buyer's browser
    # closed before the return page): only the webhook tells.
    fake_stripe.api.v1.payment_intents.update(
        payment.payment_intent_id, params={"payment_method": fake_stripe.card_token("4242424242424242")}
    )
    fake_stripe.api.v1.payment_intents.confirm(payment.payment_intent_id)
    wait_for_event("payment_intent.succeeded")

    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID
    payment.refresh_from_db()
    assert payment.status == "succeeded"
