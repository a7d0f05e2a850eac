"""The Stripe webhook: only genuine events count, each once, in any order."""

import json
import time

import pytest
import stripe
from django.core import mail
from oscar.core.loading import get_model

from marketplace.order.models import PartStatus, Purchase
from marketplace.payments.card import card_payment_start
from marketplace.payments.models import CardPayment, StripeEvent
from tests.payments import stripe_objects as so
from tests.payments.conftest import signed_post

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(stripe_http, card_purchase):
    """The purchase's PaymentIntent, created as the pay page does."""
    stripe_http.add("POST", "/v1/payment_intents", so.payment_intent(purchase=card_purchase.number))
    payment, _ = card_payment_start(purchase=card_purchase)
    return payment


def intent_event(event_type, payment, status, **fields):
    intent = so.payment_intent(id=payment.payment_intent_id, status=status, **fields)
    return so.event(event_type, intent)


def succeeded(payment):
    return intent_event("payment_intent.succeeded", payment, "succeeded", latest_charge="ch_test_paid")


def state(payment):
    payment.refresh_from_db()
    payment.purchase.refresh_from_db()
    return payment.status, payment.purchase.payment_status


def test_success_places_the_order(client, payment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(client, succeeded(payment))

    assert response.status_code == 200
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)
    assert payment.charge_id == "ch_test_paid"
    assert [part.status for part in payment.purchase.parts.all()] == [PartStatus.PLACED]
    assert any(payment.purchase.number in message.subject for message in mail.outbox)


@pytest.mark.parametrize(
    "signature",
    [
        "t=1795600000,v1=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "not a signature",
        "",
    ],
)
def test_bad_signature_is_refused_and_changes_nothing(client, payment, signature):
    response = signed_post(client, succeeded(payment), signature=signature)

    assert response.status_code == 400
    assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)
    assert not StripeEvent.objects.exists()


def test_event_signed_with_another_secret_is_refused(client, payment):
    response = signed_post(client, succeeded(payment), secret="whsec_someone_else")

    assert response.status_code == 400
    assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-3600, False), (-301, False), (-60, True), (0, True), (60, True), (301, False), (3600, False)],
    ids=["hour-old", "just-too-old", "minute-old", "now", "minute-ahead", "just-too-far-ahead", "hour-ahead"],
)
def test_a_signature_is_accepted_only_within_the_tolerance_on_both_sides(client, payment, settings, offset, accepted):
    """A captured request replayed later, or one signed for the future (a leaked secret,
    a request prepared to be replayed for a long time): refused beyond Stripe's 300 s."""
    payload = json.dumps(succeeded(payment))
    header = stripe.WebhookSignature.generate_signature_header(
        payload, settings.STRIPE_WEBHOOK_SECRET, timestamp=int(time.time()) + offset
    )
    response = client.post(
        "/payments/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

    assert response.status_code == (200 if accepted else 400)
    if not accepted:
        assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)


@pytest.mark.parametrize("payload", ["{not json", json.dumps({"id": "evt_1"}), json.dumps([1, 2])])
def test_malformed_payload_is_refused(client, settings, payload):
    signature = stripe.WebhookSignature.generate_signature_header(payload, settings.STRIPE_WEBHOOK_SECRET)
    response = client.post(
        "/payments/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_only_post_is_accepted(client):
    assert client.get("/payments/stripe/webhook/").status_code == 405


def test_replayed_event_changes_nothing(client, payment, django_capture_on_commit_callbacks):
    event = succeeded(payment)
    with django_capture_on_commit_callbacks(execute=True):
        signed_post(client, event)
    told = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_post(client, event)

    assert response.status_code == 200
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert len(mail.outbox) == told
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)


def test_replayed_refund_is_not_counted_twice(client, payment):
    """A refund of a charge replayed: the refunded amount is Stripe's total, never added twice."""
    signed_post(client, succeeded(payment))
    refund = so.event(
        "charge.refunded", so.charge(payment_intent=payment.payment_intent_id, amount=14400, amount_refunded=4000)
    )
    signed_post(client, refund)
    signed_post(client, refund)

    payment.refresh_from_db()
    assert str(payment.amount_refunded) == "40.00"


def test_late_processing_never_undoes_success(client, payment):
    signed_post(client, succeeded(payment))

    response = signed_post(client, intent_event("payment_intent.processing", payment, "processing"))

    assert response.status_code == 200
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)


def test_success_arriving_before_processing(client, payment):
    signed_post(client, succeeded(payment))
    signed_post(client, intent_event("payment_intent.processing", payment, "processing"))
    signed_post(client, intent_event("payment_intent.requires_action", payment, "requires_action"))

    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)


def test_processing_then_success(client, payment):
    signed_post(client, intent_event("payment_intent.processing", payment, "processing"))
    assert state(payment) == ("processing", Purchase.PaymentStatus.AWAITING)

    signed_post(client, succeeded(payment))
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)


def test_late_cancellation_never_undoes_success(client, payment):
    signed_post(client, succeeded(payment))

    signed_post(client, intent_event("payment_intent.canceled", payment, "canceled"))

    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)


def test_cancelled_payment_gives_the_basket_back(client, payment, goods):
    basket_id = payment.purchase.basket_id

    response = signed_post(client, intent_event("payment_intent.canceled", payment, "canceled"))

    assert response.status_code == 200
    assert state(payment) == ("canceled", Purchase.PaymentStatus.FAILED)
    assert Basket.objects.get(pk=basket_id).status == Basket.OPEN
    assert StockRecord.objects.get(product=goods).num_allocated == 0


def test_decline_is_recorded_and_the_buyer_may_try_again(client, payment):
    declined = intent_event(
        "payment_intent.payment_failed",
        payment,
        "requires_payment_method",
        last_payment_error={"code": "card_declined", "message": "Your card was declined."},
    )

    response = signed_post(client, declined)

    assert response.status_code == 200
    assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)
    assert payment.failure_message == "Your card was declined."


def test_unknown_event_type_is_stored_and_ignored(client, payment):
    event = so.event("customer.created", {"id": "cus_test", "object": "customer"})

    response = signed_post(client, event)

    assert response.status_code == 200
    stored = StripeEvent.objects.get(event_id=event["id"])
    assert (stored.type, stored.processed) == ("customer.created", False)
    assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)


def test_event_of_a_payment_not_ours_is_accepted_and_ignored(client, payment):
    response = signed_post(client, so.event("payment_intent.succeeded", so.payment_intent(status="succeeded")))

    assert response.status_code == 200
    assert state(payment) == ("requires_payment_method", Purchase.PaymentStatus.AWAITING)


def test_refunds_are_recorded_and_a_full_refund_marks_the_purchase(client, payment):
    signed_post(client, succeeded(payment))
    charge_id = "ch_test_paid"

    def refunded(amount):
        return so.event(
            "charge.refunded",
            so.charge(id=charge_id, payment_intent=payment.payment_intent_id, amount_refunded=amount),
        )

    signed_post(client, refunded(4000))
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.PAID)
    assert str(payment.amount_refunded) == "40.00"

    signed_post(client, refunded(14400))
    assert state(payment) == ("succeeded", Purchase.PaymentStatus.REFUNDED)

    # The first refund's event, delivered late, does not lower the total.
    signed_post(client, refunded(4000))
    assert str(CardPayment.objects.get().amount_refunded) == "144.00"
