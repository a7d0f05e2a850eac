"""The exact requests the card payment sends to Stripe, at the stripe client's HTTP boundary."""

import pytest

from marketplace.payments.card import card_payment_start
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
