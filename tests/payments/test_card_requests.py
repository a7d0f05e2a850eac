"""The exact requests the card payment sends to Stripe, at the stripe client's HTTP boundary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_place
from marketplace.payments.card import card_payment_start, card_payments_expire_abandoned
from tests.order.helpers import basket_with, checkout_details
from tests.payments import stripe_objects as so

pytestmark = pytest.mark.django_db


def test_payment_intent_request(stripe_http, card_purchase):
    stripe_http.add("POST", "/v1/payment_intents", so.payment_intent(purchase=card_purchase.number))

    card_payment_start(purchase=card_purchase)

    (sent,) = stripe_http.requests
    assert sent["url"] == "https://api.stripe.com/v1/payment_intents"
    assert sent["form"] == {
        "amount": "14400",
        "currency": "eur",
        "payment_method_types[0]": "card",
        "metadata[purchase]": card_purchase.number,
    }
    assert sent["headers"]["Authorization"] == "Bearer sk_test_boundary"
    assert sent["headers"]["Idempotency-Key"] == (
        f"purchase-{card_purchase.number}-{int(card_purchase.created_at.timestamp())}"
    )


def test_second_visit_fetches_the_payment_intent_again(stripe_http, card_purchase):
    intent = so.payment_intent(purchase=card_purchase.number)
    stripe_http.add("POST", "/v1/payment_intents", intent)
    stripe_http.add("GET", f"/v1/payment_intents/{intent['id']}", intent)
    card_payment_start(purchase=card_purchase)

    payment, fetched = card_payment_start(purchase=card_purchase)

    assert fetched.client_secret == intent["client_secret"]
    assert len(stripe_http.sent("POST", "/v1/payment_intents")) == 1
    (retrieve,) = stripe_http.sent("GET", f"/v1/payment_intents/{intent['id']}")
    assert retrieve["form"] == {"expand[0]": "latest_charge"}


def test_expiry_goes_on_when_stripe_fails_for_one_purchase(stripe_http, card_purchase, buyer, buyer_member, goods):
    intent = so.payment_intent(purchase=card_purchase.number)
    stripe_http.add("POST", "/v1/payment_intents", intent)
    card_payment_start(purchase=card_purchase)
    missing = {"error": {"type": "invalid_request_error", "message": f"No such payment_intent: '{intent['id']}'"}}
    stripe_http.add("GET", f"/v1/payment_intents/{intent['id']}", missing, status=404)
    never_opened = purchase_place(
        basket=basket_with(buyer_member, (goods, 1)),
        user=buyer_member,
        buyer=buyer,
        details=checkout_details(),
        payment_method=Purchase.PaymentMethod.CARD,
    )
    Purchase.objects.update(created_at=timezone.now() - timedelta(days=1))

    assert card_payments_expire_abandoned() == 1

    card_purchase.refresh_from_db()
    never_opened.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.AWAITING  # tried again next run
    assert never_opened.payment_status == Purchase.PaymentStatus.FAILED
