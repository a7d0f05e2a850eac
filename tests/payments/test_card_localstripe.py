"""The card path end to end against localstripe, a local fake Stripe server: the pay
page creates the PaymentIntent, the buyer's card is tokenised and confirmed (with 3-D
Secure where the card asks for it), the return page places the order or gives the basket
back, abandoned payments expire, refunds are recorded."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set
from marketplace.payments.card import card_payment_refund
from marketplace.payments.models import CardPayment, Transfer
from marketplace.payments.tasks import payments_expire_abandoned
from tests.order.test_views import add, form_data

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

VISA = "4242424242424242"
VISA_3DS = "4000002760003184"
DECLINED = "4000000000000341"


@pytest.fixture
def buyer_client(client, buyer_admin):
    client.force_login(buyer_admin)
    return client


def open_pay_page(buyer_client, purchase):
    response = buyer_client.get(f"/payments/card/{purchase.number}/")
    assert response.status_code == 200
    return CardPayment.objects.get(purchase=purchase), response


def pay_with(buyer_client, fake_stripe, purchase, number):
    """What the pay page's script does: tokenise the card, have the server confirm it."""
    response = buyer_client.post(
        f"/payments/card/{purchase.number}/confirm/", {"payment_method": fake_stripe.card_token(number)}
    )
    assert response.status_code == 200
    return response.json()


def stock_of(goods):
    record = StockRecord.objects.get(product=goods)
    return record.num_in_stock, record.num_allocated


def test_pay_page_creates_the_payment_intent_for_the_purchase_total(buyer_client, fake_stripe, card_purchase):
    payment, response = open_pay_page(buyer_client, card_purchase)

    intent = fake_stripe.api.v1.payment_intents.retrieve(payment.payment_intent_id)
    assert card_purchase.total_incl_tax == Decimal("144.00")  # 3 chairs at 40.00 + 20 % VAT
    assert intent.amount == 14400
    assert intent.currency == "eur"
    assert intent.metadata["purchase"] == card_purchase.number
    page = response.content.decode()
    assert f"{fake_stripe.url}/js.stripe.com/v3/" in page
    assert intent.client_secret in page
    assert "Pay €144.00" in page
    # A second visit shows the same PaymentIntent.
    open_pay_page(buyer_client, card_purchase)
    assert CardPayment.objects.count() == 1


def test_stand_in_stripe_js_is_served(fake_stripe):
    import requests

    script = requests.get(f"{fake_stripe.url}/js.stripe.com/v3/", timeout=5).text
    assert "confirmCardPayment" in script and "createToken" in script


def test_card_payment_places_the_order(buyer_client, fake_stripe, card_purchase, goods):
    payment, _ = open_pay_page(buyer_client, card_purchase)

    assert pay_with(buyer_client, fake_stripe, card_purchase, VISA)["status"] == "succeeded"
    response = buyer_client.get(f"/payments/card/{card_purchase.number}/return/")

    assert response.status_code == 302
    assert response.url == f"/shop/purchases/{card_purchase.number}/"
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID
    assert [part.status for part in card_purchase.parts.all()] == [PartStatus.PLACED]
    assert Basket.objects.get(pk=card_purchase.basket_id).status == Basket.SUBMITTED
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.SUCCEEDED and payment.charge_id.startswith("ch_")
    assert stock_of(goods) == (10, 3)
    # The supplier has no Stripe account yet: its share waits, less the 5 % fee.
    transfer = Transfer.objects.get()
    assert (transfer.status, transfer.amount, transfer.fee) == (
        Transfer.Status.PENDING,
        Decimal("136.80"),
        Decimal("7.20"),
    )


def test_three_d_secure_then_success(buyer_client, fake_stripe, card_purchase):
    payment, _ = open_pay_page(buyer_client, card_purchase)

    assert pay_with(buyer_client, fake_stripe, card_purchase, VISA_3DS)["status"] == "requires_action"
    fake_stripe.authenticate(payment.payment_intent_id, success=True)
    response = buyer_client.get(f"/payments/card/{card_purchase.number}/return/")

    assert response.url == f"/shop/purchases/{card_purchase.number}/"
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID


def test_failed_three_d_secure_gives_the_basket_back(buyer_client, fake_stripe, card_purchase, goods):
    payment, _ = open_pay_page(buyer_client, card_purchase)
    basket_id = card_purchase.basket_id

    pay_with(buyer_client, fake_stripe, card_purchase, VISA_3DS)
    fake_stripe.authenticate(payment.payment_intent_id, success=False)
    response = buyer_client.get(f"/payments/card/{card_purchase.number}/return/", follow=True)

    assert response.redirect_chain[0][0] == "/shop/basket/"
    assert "did not go through" in response.content.decode()
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert [part.status for part in card_purchase.parts.all()] == [PartStatus.CANCELLED]
    assert Basket.objects.get(pk=basket_id).status == Basket.OPEN
    assert Basket.objects.get(pk=basket_id).num_lines == 1
    assert stock_of(goods) == (10, 0)
    assert fake_stripe.api.v1.payment_intents.retrieve(payment.payment_intent_id).status == "canceled"


def test_declined_card_can_be_retried_or_given_up(buyer_client, fake_stripe, card_purchase, goods):
    payment, _ = open_pay_page(buyer_client, card_purchase)
    basket_id = card_purchase.basket_id

    result = pay_with(buyer_client, fake_stripe, card_purchase, DECLINED)

    assert result == {"status": "requires_payment_method", "error": "Your card was declined."}
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.AWAITING  # another card may follow
    _, page = open_pay_page(buyer_client, card_purchase)
    assert "Your last attempt did not go through: Your card was declined." in page.content.decode()

    response = buyer_client.post(f"/payments/card/{card_purchase.number}/cancel/")

    assert response.url == "/shop/basket/"
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert Basket.objects.get(pk=basket_id).status == Basket.OPEN
    assert stock_of(goods) == (10, 0)
    assert fake_stripe.api.v1.payment_intents.retrieve(payment.payment_intent_id).status == "canceled"


def test_paid_purchase_pay_page_leads_to_the_purchase(buyer_client, fake_stripe, card_purchase):
    open_pay_page(buyer_client, card_purchase)
    pay_with(buyer_client, fake_stripe, card_purchase, VISA)
    # The return page was never reached (the browser closed): the pay page finds the payment made.
    response = buyer_client.get(f"/payments/card/{card_purchase.number}/")

    assert response.url == f"/shop/purchases/{card_purchase.number}/"
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID


def age(purchase, minutes):
    Purchase.objects.filter(pk=purchase.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))


def test_abandoned_payments_expire(buyer_client, fake_stripe, card_purchase, goods, settings):
    settings.CARD_PAYMENT_TIMEOUT_MINUTES = 30
    payment, _ = open_pay_page(buyer_client, card_purchase)
    basket_id = card_purchase.basket_id

    age(card_purchase, 29)
    call_command("payments_expire_abandoned")
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.AWAITING

    age(card_purchase, 31)
    call_command("payments_expire_abandoned")
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert Basket.objects.get(pk=basket_id).status == Basket.OPEN
    assert stock_of(goods) == (10, 0)
    assert fake_stripe.api.v1.payment_intents.retrieve(payment.payment_intent_id).status == "canceled"


def test_expiry_task_gives_up_purchases_whose_pay_page_was_never_opened(fake_stripe, card_purchase, goods):
    age(card_purchase, 24 * 60)

    result = payments_expire_abandoned.enqueue()

    assert result.return_value == 1
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert stock_of(goods) == (10, 0)


def test_expiry_keeps_a_purchase_paid_meanwhile(buyer_client, fake_stripe, card_purchase):
    open_pay_page(buyer_client, card_purchase)
    pay_with(buyer_client, fake_stripe, card_purchase, VISA)
    CardPayment.objects.update(status=CardPayment.Status.REQUIRES_PAYMENT_METHOD)  # its webhook is late
    Purchase.objects.filter(pk=card_purchase.pk).update(payment_status=Purchase.PaymentStatus.AWAITING)
    age(card_purchase, 24 * 60)

    call_command("payments_expire_abandoned")

    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID


def test_refunds_are_recorded(buyer_client, fake_stripe, card_purchase):
    open_pay_page(buyer_client, card_purchase)
    pay_with(buyer_client, fake_stripe, card_purchase, VISA)
    buyer_client.get(f"/payments/card/{card_purchase.number}/return/")

    payment = card_payment_refund(purchase=card_purchase, amount=card_purchase.total_incl_tax / 2)
    assert payment.amount_refunded == card_purchase.total_incl_tax / 2
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID

    payment = card_payment_refund(purchase=card_purchase, amount=card_purchase.total_incl_tax / 2)
    assert payment.amount_refunded == card_purchase.total_incl_tax
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.REFUNDED


def test_operator_refunds_in_full_from_the_admin(client, buyer_client, fake_stripe, card_purchase, superuser):
    open_pay_page(buyer_client, card_purchase)
    pay_with(buyer_client, fake_stripe, card_purchase, VISA)
    payment = CardPayment.objects.get()
    client.force_login(superuser)

    response = client.post(
        "/django-admin/payments/cardpayment/",
        {"action": "refund_in_full", "_selected_action": [payment.pk]},
        follow=True,
    )

    assert "1 payment refunded." in response.content.decode()
    payment.refresh_from_db()
    assert payment.amount_refunded == Decimal("144.00")
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.REFUNDED


def test_checkout_by_card_to_the_placed_purchase(client, buyer, buyer_admin, fake_stripe, goods):
    """The whole card path over HTTP: basket, checkout by card, pay page, card, return, purchase page."""
    client.force_login(buyer_admin)
    add(client, goods, 2)

    response = client.post("/shop/checkout/", form_data(client, payment_method="card"))

    purchase = Purchase.objects.get()
    assert response.url == f"/payments/card/{purchase.number}/"
    assert client.get(response.url).status_code == 200
    pay_with(client, fake_stripe, purchase, VISA)
    response = client.get(f"/payments/card/{purchase.number}/return/", follow=True)

    assert response.redirect_chain[-1][0] == f"/shop/purchases/{purchase.number}/"
    assert "your payment was received" in response.content.decode()
    purchase.refresh_from_db()
    assert purchase.payment_status == Purchase.PaymentStatus.PAID
    assert fake_stripe.api.v1.payment_intents.retrieve(purchase.card_payment.payment_intent_id).amount == 9600


def test_a_rejected_part_of_a_card_purchase_is_refunded_and_its_share_withheld(
    buyer_client, fake_stripe, card_purchase
):
    open_pay_page(buyer_client, card_purchase)
    pay_with(buyer_client, fake_stripe, card_purchase, VISA)
    buyer_client.get(f"/payments/card/{card_purchase.number}/return/")
    part = card_purchase.parts.get()
    assert Transfer.objects.get(order=part).status == Transfer.Status.PENDING  # the supplier has no account yet

    part_status_set(part=part, status=PartStatus.REJECTED)

    payment = CardPayment.objects.get(purchase=card_purchase)
    assert payment.amount_refunded == part.total_incl_tax
    assert Transfer.objects.get(order=part).status == Transfer.Status.WITHHELD
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.REFUNDED
