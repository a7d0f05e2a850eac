"""Card payments of purchases through Stripe PaymentIntents, and each supplier's share
paid out by Stripe Connect (separate charges and transfers) less the platform fee.

A PaymentIntent's status reaches us from the pay page, its return page and webhooks,
in any order and more than once: `card_payment_sync` applies whichever comes, and
the stored status only moves forward (`CardPayment.advances_to`)."""

import logging
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_paid, purchase_payment_failed

from . import gateway
from .models import CardPayment, CreditReason, SupplierStripeAccount, Transfer
from .services import part_credit

logger = logging.getLogger(__name__)

CENT = Decimal("0.01")


def card_payment_start(*, purchase: Purchase):
    """The purchase's PaymentIntent, created on the first visit of the pay page and fetched
    again on later ones (its client secret is never stored). Returns (CardPayment, intent)."""
    payment = CardPayment.objects.filter(purchase=purchase).first()
    if payment:
        intent = gateway.payment_intent_retrieve(payment.payment_intent_id)
        return card_payment_sync(intent=intent), intent
    # Two visits at once get the same PaymentIntent (one idempotency key per purchase)
    # and the unique purchase keeps one row.
    intent = gateway.payment_intent_create(purchase=purchase)
    try:
        with transaction.atomic():
            payment = CardPayment.objects.create(
                purchase=purchase,
                payment_intent_id=intent.id,
                status=intent.status,
                amount=purchase.total_incl_tax,
            )
    except IntegrityError:
        payment = CardPayment.objects.get(purchase=purchase)
    return payment, intent


def _plain(obj) -> dict:
    """A Stripe object from the API, or a webhook's `data.object`, as a plain dict."""
    return obj.to_dict() if isinstance(obj, stripe.StripeObject) else obj


def payment_error(intent) -> str:
    """Stripe's message for the buyer about the intent's last failed attempt, if any."""
    return (_plain(intent).get("last_payment_error") or {}).get("message") or ""


def _charge_id(intent) -> str:
    charge = intent.get("latest_charge")
    if isinstance(charge, str):
        return charge
    return charge["id"] if charge else ""


def card_payment_sync(*, intent) -> CardPayment | None:
    """Applies a PaymentIntent as Stripe reports it (an API object or a webhook's
    `data.object`): success pays the purchase and the suppliers, cancellation gives the
    purchase up (stock released, basket reopened). An older status than the one stored
    changes nothing. A decline is only recorded: the buyer may try another card."""
    intent = _plain(intent)
    with transaction.atomic():
        payment = (
            CardPayment.objects.select_for_update()
            .select_related("purchase")
            .filter(payment_intent_id=intent["id"])
            .first()
        )
        if payment is None:
            return None
        status = intent["status"]
        error = payment_error(intent)
        if error and status == CardPayment.Status.REQUIRES_PAYMENT_METHOD:
            payment.failure_message = error[:255]
            payment.save(update_fields=["failure_message", "updated_at"])
        if not payment.advances_to(status):
            return payment
        payment.status = status
        payment.charge_id = _charge_id(intent) or payment.charge_id
        payment.save(update_fields=["status", "charge_id", "updated_at"])
        if status == CardPayment.Status.SUCCEEDED:
            purchase_paid(payment.purchase)
        elif status == CardPayment.Status.CANCELED:
            purchase_payment_failed(payment.purchase)
    if status == CardPayment.Status.SUCCEEDED:
        transfers_make(purchase=payment.purchase)
    return payment


def card_payment_confirm(*, payment: CardPayment, payment_method: str):
    """Confirms the payment on the server with a card tokenised in the browser (the pay
    page's fallback, see selectors.card_element_fallback). Returns the PaymentIntent; a
    decline is recorded and leaves the buyer free to try another card."""
    try:
        intent = gateway.payment_intent_confirm_with(payment.payment_intent_id, payment_method=payment_method)
    except stripe.CardError:
        intent = gateway.payment_intent_retrieve(payment.payment_intent_id)
    card_payment_sync(intent=intent)
    return intent


def card_payment_give_up(*, purchase: Purchase) -> Purchase:
    """The buyer gives up paying, or left the payment unfinished for too long: the
    PaymentIntent is cancelled first, so that no late payment can follow, then the
    purchase is given up. A payment that succeeded meanwhile pays the purchase instead."""
    payment = CardPayment.objects.filter(purchase=purchase).first()
    if payment is not None and payment.status not in (CardPayment.Status.SUCCEEDED, CardPayment.Status.CANCELED):
        intent = gateway.payment_intent_retrieve(payment.payment_intent_id)
        if intent.status == CardPayment.Status.PROCESSING:
            # Too late to cancel: its outcome comes by webhook.
            card_payment_sync(intent=intent)
            return purchase
        if intent.status not in (CardPayment.Status.SUCCEEDED, CardPayment.Status.CANCELED):
            intent = gateway.payment_intent_cancel(payment.payment_intent_id)
        card_payment_sync(intent=intent)
    return purchase_payment_failed(purchase)


def card_payments_expire_abandoned() -> int:
    """Gives up card purchases still awaiting payment after CARD_PAYMENT_TIMEOUT_MINUTES,
    so that their stock returns to sale. Returns how many were given up."""
    stale = Purchase.objects.filter(
        payment_method=Purchase.PaymentMethod.CARD,
        payment_status=Purchase.PaymentStatus.AWAITING,
        created_at__lt=timezone.now() - timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES),
    )
    given_up = 0
    for purchase in stale:
        try:
            purchase = card_payment_give_up(purchase=purchase)
        except stripe.StripeError:
            # Stripe unreachable for this one: the next run tries again; the others go on.
            logger.exception("Could not give up the card payment of purchase %s.", purchase.number)
            continue
        if purchase.payment_status == Purchase.PaymentStatus.FAILED:
            given_up += 1
    return given_up


def refund_recorded(*, charge) -> CardPayment | None:
    """A refund made in Stripe (here or in its dashboard), told by the charge it refunds.
    A full refund marks the purchase refunded, takes back what suppliers were paid and
    cancels the parts' invoices with credit notes."""
    charge = _plain(charge)
    with transaction.atomic():
        payment = (
            CardPayment.objects.select_for_update()
            .select_related("purchase")
            .filter(payment_intent_id=charge.get("payment_intent") or "")
            .first()
        )
        if payment is None:
            return None
        refunded = (Decimal(charge["amount_refunded"]) / 100).quantize(CENT)
        # Refunds only add up: an older report of the charge never lowers the total.
        if refunded > payment.amount_refunded:
            payment.amount_refunded = refunded
            payment.save(update_fields=["amount_refunded", "updated_at"])
        if payment.amount_refunded >= payment.amount:
            Purchase.objects.filter(pk=payment.purchase_id).update(payment_status=Purchase.PaymentStatus.REFUNDED)
            for part in payment.purchase.parts.all():
                _share_take_back(part)
                part_credit(part=part, reason=CreditReason.REFUNDED)
    return payment


def card_payment_refund(*, purchase: Purchase, amount: Decimal | None = None, idempotency_key: str = "") -> CardPayment:
    """Refunds the purchase's card payment (in full without `amount`) and records it."""
    payment = CardPayment.objects.get(purchase=purchase)
    gateway.refund_create(payment_intent_id=payment.payment_intent_id, amount=amount, idempotency_key=idempotency_key)
    intent = gateway.payment_intent_retrieve(payment.payment_intent_id)
    return refund_recorded(charge=intent.latest_charge)


def _share_take_back(part) -> None:
    """The supplier's share of a refunded part: never sent if still waiting, reversed from
    its Stripe account if already transferred."""
    Transfer.objects.filter(order=part, status=Transfer.Status.PENDING).update(status=Transfer.Status.WITHHELD)
    transfer = Transfer.objects.filter(order=part, status=Transfer.Status.PAID).first()
    if transfer is not None:
        reversal = gateway.transfer_reverse(transfer=transfer)
        transfer.reversal_id = reversal.id
        transfer.status = Transfer.Status.REVERSED
        transfer.save(update_fields=["reversal_id", "status", "updated_at"])


def part_refund(*, part) -> None:
    """A rejected or cancelled part of a card-paid purchase: the supplier's share is taken
    back (first, so that the platform never pays out twice), then the buyer gets the part's
    gross back. Both Stripe requests carry idempotency keys, so a retry after a failure
    repeats neither."""
    purchase = part.purchase
    if purchase is None or purchase.payment_status != Purchase.PaymentStatus.PAID:
        return
    _share_take_back(part)
    card_payment_refund(
        purchase=purchase,
        amount=part.total_incl_tax,
        idempotency_key=gateway.idempotency_key(f"refund-{part.number}", part.date_placed),
    )


def supplier_share(total: Decimal) -> tuple[Decimal, Decimal]:
    """(amount transferred to the supplier, platform fee) of a part's total: the fee is
    PLATFORM_FEE_PERCENT of the total, rounded half up to the cent."""
    fee = (total * settings.PLATFORM_FEE_PERCENT / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return total - fee, fee


def transfers_make(*, purchase: Purchase) -> None:
    """Records each supplier's share of a paid purchase and pays it to suppliers whose
    connected account can receive it; the others' shares wait for their onboarding."""
    suppliers = set()
    for part in purchase.parts.select_related("supplier"):
        amount, fee = supplier_share(part.total_incl_tax)
        Transfer.objects.get_or_create(order=part, defaults={"supplier": part.supplier, "amount": amount, "fee": fee})
        suppliers.add(part.supplier_id)
    for supplier_id in suppliers:
        transfers_pay_pending(supplier_id=supplier_id)


def transfers_pay_pending(*, supplier_id: int) -> int:
    """Pays a supplier's pending shares of paid purchases, if its account can receive
    them. A Stripe error leaves the share pending (for the next account update) and is
    logged. Returns how many were paid."""
    account = SupplierStripeAccount.objects.filter(supplier_id=supplier_id).first()
    if account is None or not account.can_receive_transfers:
        return 0
    paid = 0
    # A share waits no longer than its purchase stays paid: after a full refund it is never sent.
    pending = Transfer.objects.filter(
        supplier_id=supplier_id,
        status=Transfer.Status.PENDING,
        order__purchase__payment_status=Purchase.PaymentStatus.PAID,
    ).select_related("order__purchase__card_payment")
    for transfer in pending:
        charge_id = transfer.order.purchase.card_payment.charge_id
        try:
            made = gateway.transfer_create(transfer=transfer, charge_id=charge_id, account_id=account.account_id)
        except stripe.StripeError:
            logger.exception("Transfer of part %s to %s failed; it stays pending.", transfer.order, account)
            continue
        transfer.transfer_id = made.id
        transfer.status = Transfer.Status.PAID
        transfer.save(update_fields=["transfer_id", "status", "updated_at"])
        paid += 1
    return paid


def supplier_onboarding_link(*, supplier, refresh_url: str, return_url: str) -> str:
    """The Stripe onboarding address for the supplier's connected account, creating the
    account on first use."""
    account = SupplierStripeAccount.objects.filter(supplier=supplier).first()
    if account is None:
        created = gateway.account_create(supplier=supplier)
        account, _ = SupplierStripeAccount.objects.get_or_create(supplier=supplier, defaults={"account_id": created.id})
    link = gateway.account_link_create(account_id=account.account_id, refresh_url=refresh_url, return_url=return_url)
    return link.url


def supplier_account_updated(*, account) -> SupplierStripeAccount | None:
    """Mirrors a connected account's state (from `account.updated` or the dashboard's
    return from onboarding) and pays the supplier's waiting shares once it can receive them."""
    account = _plain(account)
    record = SupplierStripeAccount.objects.filter(account_id=account["id"]).first()
    if record is None:
        return None
    record.charges_enabled = bool(account.get("charges_enabled"))
    record.payouts_enabled = bool(account.get("payouts_enabled"))
    record.details_submitted = bool(account.get("details_submitted"))
    record.save(update_fields=["charges_enabled", "payouts_enabled", "details_submitted", "updated_at"])
    transfers_pay_pending(supplier_id=record.supplier_id)
    return record
