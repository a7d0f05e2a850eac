"""Who reaches a purchase's pay page, and what it shows when Stripe or the purchase is not ready."""

import json
import re

import pytest

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_paid, purchase_payment_failed, purchase_place
from tests.factories import BuyerFactory, UserFactory
from tests.order.helpers import basket_with, checkout_details
from tests.payments import stripe_objects as so

pytestmark = pytest.mark.django_db

STEPS = [("get", ""), ("post", "confirm/"), ("get", "return/"), ("post", "cancel/")]


@pytest.fixture
def other_buyer_admin():
    person = UserFactory(email="olga@other-firm.example")
    BuyerFactory(name="Other Firm", created_by=person)
    return person


@pytest.mark.parametrize("who", ["other_buyer_admin", "supplier_admin", "staff_user"])
def test_only_the_buyers_members_reach_the_payment(request, client, stripe_http, settings, card_purchase, who):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # every step exists, the fallback's confirm too
    client.force_login(request.getfixturevalue(who))

    for method, step in STEPS:
        response = getattr(client, method)(f"/payments/card/{card_purchase.number}/{step}")
        assert response.status_code == 404, step

    assert not stripe_http.requests
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.AWAITING


def test_visitors_are_asked_to_sign_in(client, stripe_http, card_purchase):
    response = client.get(f"/payments/card/{card_purchase.number}/")
    assert response.status_code == 302 and response.url.startswith("/accounts/")


def test_a_colleague_of_the_buyer_may_pay(client, stripe_http, card_purchase, buyer_member):
    stripe_http.add("POST", "/v1/payment_intents", so.payment_intent(purchase=card_purchase.number))
    client.force_login(buyer_member)

    response = client.get(f"/payments/card/{card_purchase.number}/")

    assert response.status_code == 200
    config = json.loads(re.search(r'id="card-payment-config"[^>]*>(.*?)</script>', response.content.decode()).group(1))
    assert config["publishableKey"] == "pk_test_boundary"
    assert config["cardElementFallback"] is False  # the Payment Element of the real Stripe.js
    assert config["returnUrl"] == f"http://testserver/payments/card/{card_purchase.number}/return/"
    assert '<script src="https://js.stripe.com/v3/">' in response.content.decode()


def test_without_stripe_keys_there_is_no_card_payment(client, settings, card_purchase, buyer_admin):
    settings.STRIPE_SECRET_KEY = ""
    client.force_login(buyer_admin)
    assert client.get(f"/payments/card/{card_purchase.number}/").status_code == 404


def test_invoice_purchase_has_no_pay_page(client, stripe_http, buyer, buyer_admin, goods):
    purchase = purchase_place(
        basket=basket_with(buyer_admin, (goods, 1)),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )
    client.force_login(buyer_admin)
    assert client.get(f"/payments/card/{purchase.number}/").status_code == 404


def test_server_side_confirmation_only_against_a_fake_stripe(client, stripe_http, card_purchase, buyer_admin):
    client.force_login(buyer_admin)
    response = client.post(f"/payments/card/{card_purchase.number}/confirm/", {"payment_method": "card_x"})
    assert response.status_code == 404
    assert not stripe_http.requests


def test_stripe_unavailable_is_said_plainly(client, stripe_http, card_purchase, buyer_admin):
    error = {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_test_***"}}
    stripe_http.add("POST", "/v1/payment_intents", error, status=401)
    client.force_login(buyer_admin)

    response = client.get(f"/payments/card/{card_purchase.number}/")

    assert response.status_code == 503
    page = response.content.decode()
    assert "Card payment is not available right now" in page
    assert "Cancel the payment and go back to my basket" in page
    assert "API Key" not in page


def test_paid_purchase_leads_to_its_page(client, stripe_http, card_purchase, buyer_admin):
    purchase_paid(card_purchase)
    client.force_login(buyer_admin)

    response = client.get(f"/payments/card/{card_purchase.number}/")

    assert response.url == f"/shop/purchases/{card_purchase.number}/"


def test_given_up_purchase_leads_to_the_basket(client, stripe_http, card_purchase, buyer_admin):
    purchase_payment_failed(card_purchase)
    client.force_login(buyer_admin)

    response = client.get(f"/payments/card/{card_purchase.number}/", follow=True)

    assert response.redirect_chain[0][0] == "/shop/basket/"
    assert "This payment was given up" in response.content.decode()


def test_cancel_without_a_payment_intent_gives_the_basket_back(client, stripe_http, card_purchase, buyer_admin):
    client.force_login(buyer_admin)

    response = client.post(f"/payments/card/{card_purchase.number}/cancel/")

    assert response.url == "/shop/basket/"
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert not stripe_http.requests
