"""Stripe Connect: each supplier's share of a card payment, less the platform fee, goes to
its connected account (separate charges and transfers); suppliers onboard from their
payment panel. Connect calls are checked at the stripe client's HTTP boundary."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set, purchase_place
from marketplace.payments.card import card_payment_start, supplier_share
from marketplace.payments.models import CardPayment, Invoice, SupplierStripeAccount, Transfer
from tests.factories import MembershipFactory, SupplierFactory, UserFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details
from tests.payments import stripe_objects as so
from tests.payments.conftest import signed_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("percent", "total", "share", "fee"),
    [
        ("5", "144.00", "136.80", "7.20"),
        ("5", "10.10", "9.59", "0.51"),  # 0.505 rounds half up
        ("2.5", "10.02", "9.77", "0.25"),  # 0.2505 rounds to the cent
        ("0", "99.99", "99.99", "0.00"),
    ],
)
def test_supplier_share_is_the_total_less_the_fee_rounded_half_up(settings, percent, total, share, fee):
    settings.PLATFORM_FEE_PERCENT = Decimal(percent)
    assert supplier_share(Decimal(total)) == (Decimal(share), Decimal(fee))


@pytest.fixture
def connected(supplier):
    return SupplierStripeAccount.objects.create(
        supplier=supplier, account_id="acct_test_repair", details_submitted=True, payouts_enabled=True
    )


@pytest.fixture
def other_supplier():
    return SupplierFactory(name="Green Crates")


@pytest.fixture
def purchase_of_two(buyer, buyer_admin, goods, other_supplier):
    apples = goods_for_supplier(supplier=other_supplier, title="Apples", price=Decimal("10.00"), num_in_stock=50)
    basket = basket_with(buyer_admin, (goods, 3), (apples, 5))
    return purchase_place(
        basket=basket, user=buyer_admin, buyer=buyer, details=checkout_details(), payment_method="card"
    )


def pay(client, stripe_http, purchase):
    """The purchase's PaymentIntent is created, then Stripe reports its success."""
    intent = so.payment_intent(amount=int(purchase.total_incl_tax * 100), purchase=purchase.number)
    stripe_http.add("POST", "/v1/payment_intents", intent)
    card_payment_start(purchase=purchase)
    intent.update(status="succeeded", latest_charge="ch_test_purchase")
    return signed_post(client, so.event("payment_intent.succeeded", intent))


def queue_transfer(stripe_http, part, account_id, amount):
    stripe_http.add(
        "POST",
        "/v1/transfers",
        so.transfer(
            amount=amount,
            destination=account_id,
            source_transaction="ch_test_purchase",
            transfer_group=part.purchase.number,
            part=part.number,
        ),
    )


def test_connected_supplier_is_paid_its_share_at_once(client, stripe_http, purchase_of_two, supplier, connected):
    part = purchase_of_two.parts.get(supplier=supplier)
    queue_transfer(stripe_http, part, connected.account_id, 13680)

    assert pay(client, stripe_http, purchase_of_two).status_code == 200

    (sent,) = stripe_http.sent("POST", "/v1/transfers")
    assert sent["form"] == {
        "amount": "13680",  # 144.00 less 5 %
        "currency": "eur",
        "destination": "acct_test_repair",
        "transfer_group": purchase_of_two.number,
        "source_transaction": "ch_test_purchase",
        "metadata[part]": part.number,
    }
    assert sent["headers"]["Idempotency-Key"] == f"transfer-{part.number}-{int(part.date_placed.timestamp())}"
    transfer = Transfer.objects.get(order=part)
    assert (transfer.status, transfer.amount, transfer.fee) == ("paid", Decimal("136.80"), Decimal("7.20"))
    assert transfer.transfer_id.startswith("tr_")


def test_share_of_a_supplier_without_account_waits_for_its_onboarding(
    client, stripe_http, purchase_of_two, other_supplier
):
    pay(client, stripe_http, purchase_of_two)

    waiting = Transfer.objects.get(order__supplier=other_supplier)
    assert (waiting.status, waiting.amount, waiting.fee) == ("pending", Decimal("57.00"), Decimal("3.00"))
    assert not stripe_http.sent("POST", "/v1/transfers")

    # The supplier onboards: Stripe tells the account is ready, its share follows.
    account = SupplierStripeAccount.objects.create(supplier=other_supplier, account_id="acct_test_crates")
    queue_transfer(stripe_http, waiting.order, account.account_id, 5700)
    ready = so.account(id="acct_test_crates", charges_enabled=True, payouts_enabled=True, details_submitted=True)
    assert signed_post(client, so.event("account.updated", ready)).status_code == 200

    waiting.refresh_from_db()
    assert waiting.status == "paid"
    (sent,) = stripe_http.sent("POST", "/v1/transfers")
    assert (sent["form"]["amount"], sent["form"]["destination"]) == ("5700", "acct_test_crates")
    account.refresh_from_db()
    assert account.can_receive_transfers


def test_share_of_a_refunded_purchase_is_never_sent(client, stripe_http, card_purchase, supplier):
    pay(client, stripe_http, card_purchase)
    refund = so.charge(id="ch_test_purchase", payment_intent=CardPayment.objects.get().payment_intent_id)
    refund["amount_refunded"] = refund["amount"]
    signed_post(client, so.event("charge.refunded", refund))

    SupplierStripeAccount.objects.create(supplier=supplier, account_id="acct_test_repair")
    ready = so.account(id="acct_test_repair", payouts_enabled=True, details_submitted=True)
    signed_post(client, so.event("account.updated", ready))

    assert Transfer.objects.get().status == "withheld"
    assert not stripe_http.sent("POST", "/v1/transfers")


def test_account_not_ready_receives_nothing(client, stripe_http, card_purchase, supplier):
    SupplierStripeAccount.objects.create(supplier=supplier, account_id="acct_test_repair", details_submitted=True)

    pay(client, stripe_http, card_purchase)

    assert Transfer.objects.get().status == "pending"
    assert not stripe_http.sent("POST", "/v1/transfers")


def test_refused_transfer_stays_pending_and_the_payment_stands(client, stripe_http, card_purchase, connected):
    error = {"error": {"type": "invalid_request_error", "code": "balance_insufficient", "message": "Insufficient"}}
    stripe_http.add("POST", "/v1/transfers", error, status=400)

    assert pay(client, stripe_http, card_purchase).status_code == 200

    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.PAID
    assert Transfer.objects.get().status == "pending"


# The payment panel


@pytest.fixture
def cards_on(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_boundary"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_boundary"


def test_member_connects_the_supplier_to_stripe(client, stripe_http, supplier, supplier_member):
    supplier.email = "hello@repair-coop.example"
    supplier.save(update_fields=["email"])
    client.force_login(supplier_member)
    page = client.get("/payments/dashboard/")
    assert "Repair Coop" in page.content.decode() and "Connect with Stripe" in page.content.decode()
    account = so.account(id="acct_test_new")
    stripe_http.add("POST", "/v1/accounts", account)
    stripe_http.add("POST", "/v1/account_links", so.account_link(account_id="acct_test_new"))

    response = client.post(f"/payments/dashboard/{supplier.slug}/onboarding/")

    assert response.status_code == 302
    assert response.url == "https://connect.stripe.com/setup/e/acct_test_new/onboarding-test"
    (created,) = stripe_http.sent("POST", "/v1/accounts")
    assert created["form"] == {
        "type": "express",
        "country": str(supplier.country),
        "email": "hello@repair-coop.example",
        "business_profile[name]": "Repair Coop",
        "capabilities[transfers][requested]": "true",
        "metadata[supplier]": str(supplier.pk),
    }
    (link,) = stripe_http.sent("POST", "/v1/account_links")
    assert link["form"] == {
        "account": "acct_test_new",
        "type": "account_onboarding",
        "refresh_url": f"http://testserver/payments/dashboard/{supplier.slug}/onboarding/",
        "return_url": f"http://testserver/payments/dashboard/{supplier.slug}/onboarding/return/",
    }
    assert SupplierStripeAccount.objects.get(supplier=supplier).account_id == "acct_test_new"

    # An expired link brings the member back (GET): a fresh link, the same account.
    client.get(f"/payments/dashboard/{supplier.slug}/onboarding/")
    assert len(stripe_http.sent("POST", "/v1/accounts")) == 1
    assert len(stripe_http.sent("POST", "/v1/account_links")) == 2


def test_return_from_onboarding_shows_the_account_state(client, stripe_http, supplier, supplier_admin):
    SupplierStripeAccount.objects.create(supplier=supplier, account_id="acct_test_repair")
    ready = so.account(id="acct_test_repair", charges_enabled=True, payouts_enabled=True, details_submitted=True)
    stripe_http.add("GET", "/v1/accounts/acct_test_repair", ready)
    client.force_login(supplier_admin)

    response = client.get(f"/payments/dashboard/{supplier.slug}/onboarding/return/", follow=True)

    # The member is back where suppliers follow their money: the workspace's money page.
    assert response.redirect_chain[-1][0] == reverse("workspace:money", kwargs={"slug": supplier.slug})
    page = response.content.decode()
    assert "Your Stripe account is ready" in page
    assert "Card payouts: ready, card payments are paid out" in page
    assert SupplierStripeAccount.objects.get().can_receive_transfers


def test_return_from_unfinished_onboarding_says_what_is_missing(client, stripe_http, supplier, supplier_admin):
    SupplierStripeAccount.objects.create(supplier=supplier, account_id="acct_test_repair")
    stripe_http.add("GET", "/v1/accounts/acct_test_repair", so.account(id="acct_test_repair", details_submitted=True))
    client.force_login(supplier_admin)

    response = client.get(f"/payments/dashboard/{supplier.slug}/onboarding/return/", follow=True)

    assert response.redirect_chain[-1][0] == reverse("workspace:money", kwargs={"slug": supplier.slug})
    page = response.content.decode()
    assert "Stripe still needs some details before it can pay you out." in page
    assert "Card payouts: details sent, waiting for Stripe" in page
    assert "Continue onboarding with Stripe" in page


def test_staff_onboarding_a_supplier_they_do_not_belong_to_return_to_the_panel(
    client, stripe_http, supplier, staff_user
):
    SupplierStripeAccount.objects.create(supplier=supplier, account_id="acct_test_repair")
    ready = so.account(id="acct_test_repair", charges_enabled=True, payouts_enabled=True, details_submitted=True)
    stripe_http.add("GET", "/v1/accounts/acct_test_repair", ready)
    client.force_login(staff_user)

    response = client.get(f"/payments/dashboard/{supplier.slug}/onboarding/return/", follow=True)

    assert response.redirect_chain[-1][0] == "/payments/dashboard/"
    assert "Your Stripe account is ready" in response.content.decode()


def test_stripe_refusal_is_explained(client, stripe_http, supplier, supplier_admin):
    error = {"error": {"type": "invalid_request_error", "message": "Connect is not available in RS."}}
    stripe_http.add("POST", "/v1/accounts", error, status=400)
    client.force_login(supplier_admin)

    response = client.post(f"/payments/dashboard/{supplier.slug}/onboarding/", follow=True)

    assert response.redirect_chain[-1][0] == reverse("workspace:money", kwargs={"slug": supplier.slug})
    assert "Stripe could not start the onboarding: Connect is not available in RS." in response.content.decode()
    assert not SupplierStripeAccount.objects.exists()


def test_panel_is_for_supplier_members_and_staff(client, cards_on, supplier, buyer_admin, staff_user):
    other = SupplierFactory(name="Green Crates")
    SupplierStripeAccount.objects.create(
        supplier=other, account_id="acct_test_crates", details_submitted=True, payouts_enabled=True
    )
    assert client.get("/payments/dashboard/").status_code == 302  # to sign in

    client.force_login(buyer_admin)
    assert client.get("/payments/dashboard/").status_code == 403

    client.force_login(staff_user)
    page = client.get("/payments/dashboard/").content.decode()
    assert "Repair Coop" in page and "Green Crates" in page and "Ready: card payments are paid out" in page


def test_member_cannot_onboard_another_supplier(client, cards_on, supplier, stripe_http):
    outsider = UserFactory()
    MembershipFactory(user=outsider, organisation=SupplierFactory(name="Green Crates"))
    client.force_login(outsider)

    assert "Repair Coop" not in client.get("/payments/dashboard/").content.decode()
    assert client.post(f"/payments/dashboard/{supplier.slug}/onboarding/").status_code == 404
    assert client.get(f"/payments/dashboard/{supplier.slug}/onboarding/return/").status_code == 404
    assert not stripe_http.requests
    assert not mail.outbox


def test_without_stripe_keys_no_onboarding(client, settings, supplier, supplier_admin):
    settings.STRIPE_SECRET_KEY = ""
    client.force_login(supplier_admin)

    page = client.get("/payments/dashboard/").content.decode()

    assert "Card payments are not switched on" in page and "Connect with Stripe" not in page
    assert client.post(f"/payments/dashboard/{supplier.slug}/onboarding/").status_code == 404


def test_the_panel_is_in_the_account_menu_of_supplier_members_only(client, supplier_member, buyer_admin, staff_user):
    client.force_login(supplier_member)
    assert 'href="/payments/dashboard/">Get paid by card' in client.get("/accounts/").content.decode()
    client.force_login(buyer_admin)
    assert "/payments/dashboard/" not in client.get("/accounts/").content.decode()
    client.force_login(staff_user)
    assert "Stripe accounts of suppliers" in client.get("/accounts/").content.decode()


def test_cancelling_a_transferred_part_reverses_the_share_refunds_the_buyer_and_issues_a_credit_note(
    client, stripe_http, purchase_of_two, supplier, connected, other_supplier
):
    part = purchase_of_two.parts.get(supplier=supplier)
    queue_transfer(stripe_http, part, connected.account_id, 13680)
    pay(client, stripe_http, purchase_of_two)
    invoice = part_status_set(part=part, status=PartStatus.ACCEPTED).invoice_or_none
    assert invoice.status == Invoice.Status.PAID  # paid by card when placed
    transfer = Transfer.objects.get(order=part)
    payment = CardPayment.objects.get()
    stripe_http.add(
        "POST",
        f"/v1/transfers/{transfer.transfer_id}/reversals",
        so.transfer_reversal(transfer_id=transfer.transfer_id, amount=13680, part=part.number),
    )
    stripe_http.add("POST", "/v1/refunds", so.refund(payment_intent=payment.payment_intent_id, amount=14400))
    charge = so.charge(payment_intent=payment.payment_intent_id, amount=19400, amount_refunded=14400)
    stripe_http.add(
        "GET",
        f"/v1/payment_intents/{payment.payment_intent_id}",
        so.payment_intent(id=payment.payment_intent_id, amount=19400, status="succeeded", latest_charge=charge),
    )

    part_status_set(part=part, status=PartStatus.CANCELLED)

    # The supplier's share comes back first, then the buyer's money goes back: each once.
    paths = [request["path"] for request in stripe_http.requests if request["method"] == "POST"]
    reversal_path = f"/v1/transfers/{transfer.transfer_id}/reversals"
    assert paths.index(reversal_path) < paths.index("/v1/refunds")
    (reversal,) = stripe_http.sent("POST", reversal_path)
    assert reversal["headers"]["Idempotency-Key"] == f"reversal-{part.number}-{int(part.date_placed.timestamp())}"
    (refund,) = stripe_http.sent("POST", "/v1/refunds")
    assert refund["form"]["amount"] == "14400"  # the part's gross, 144.00
    assert refund["headers"]["Idempotency-Key"] == f"refund-{part.number}-{int(part.date_placed.timestamp())}"
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REVERSED and transfer.reversal_id.startswith("trr_")
    credit_note = invoice.credit_notes.get()
    assert (credit_note.status, credit_note.total_incl_tax) == (Invoice.Status.PAID, Decimal("144.00"))
    # The other supplier's part is untouched and the purchase stays paid.
    purchase_of_two.refresh_from_db()
    assert purchase_of_two.payment_status == Purchase.PaymentStatus.PAID
    assert Transfer.objects.get(order__supplier=other_supplier).status == Transfer.Status.PENDING


def test_a_full_refund_told_by_webhook_reverses_paid_shares_and_credits_the_invoices(
    client, stripe_http, card_purchase, supplier, connected
):
    part = card_purchase.parts.get()
    queue_transfer(stripe_http, part, connected.account_id, int(supplier_share(part.total_incl_tax)[0] * 100))
    pay(client, stripe_http, card_purchase)
    invoice = part_status_set(part=part, status=PartStatus.ACCEPTED).invoice_or_none
    transfer = Transfer.objects.get(order=part)
    assert transfer.status == Transfer.Status.PAID
    reversal_path = f"/v1/transfers/{transfer.transfer_id}/reversals"
    stripe_http.add(
        "POST", reversal_path, so.transfer_reversal(transfer_id=transfer.transfer_id, amount=1, part=part.number)
    )
    refund = so.charge(id="ch_test_purchase", payment_intent=CardPayment.objects.get().payment_intent_id)
    refund["amount_refunded"] = refund["amount"]

    # Refunded in Stripe's dashboard, told twice: one reversal, one credit note.
    for _ in range(2):
        assert signed_post(client, so.event("charge.refunded", refund)).status_code == 200

    assert len(stripe_http.sent("POST", reversal_path)) == 1
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REVERSED
    credit_note = invoice.credit_notes.get()
    assert (credit_note.reason, credit_note.status) == ("refunded", Invoice.Status.PAID)
    card_purchase.refresh_from_db()
    assert card_purchase.payment_status == Purchase.PaymentStatus.REFUNDED
