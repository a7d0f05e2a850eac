"""Every call this project makes to Stripe, as thin functions over the `stripe` client:
the services speak in purchases, parts and suppliers, this module in Stripe requests.

Money flow (Stripe Connect, separate charges and transfers): the platform charges the
buyer with one PaymentIntent per purchase, then transfers each supplier's share of its
part to the supplier's connected account, linked to the charge by `source_transaction`.

The PaymentIntent carries no `transfer_group`: the transfers name their charge through
`source_transaction` (which also makes them wait for the charge's funds) and carry the
purchase number as their `transfer_group`, so the group is still complete in Stripe's
reports. That keeps the PaymentIntent request one that the local fake Stripe server
(localstripe, which rejects `transfer_group` and `automatic_payment_methods`) accepts
unchanged, so the tests run the very request production sends."""

from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings

# The client's transport: None is stripe's own (requests). Tests put a recorder here
# to check the exact requests of calls the fake server does not know (Connect).
http_client = None


def client() -> stripe.StripeClient:
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses=base, http_client=http_client, max_network_retries=2
    )


def cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def idempotency_key(name: str, created) -> str:
    # Numbers restart with a fresh database; the creation time keeps keys of a reset
    # test database from meeting those Stripe remembers from the previous one.
    return f"{name}-{int(created.timestamp())}"


def payment_intent_create(*, purchase):
    return client().v1.payment_intents.create(
        params={
            "amount": cents(purchase.total_incl_tax),
            "currency": purchase.currency.lower(),
            "payment_method_types": ["card"],
            "metadata": {"purchase": purchase.number},
        },
        options={"idempotency_key": idempotency_key(f"purchase-{purchase.number}", purchase.created_at)},
    )


def payment_intent_retrieve(payment_intent_id: str):
    return client().v1.payment_intents.retrieve(payment_intent_id, params={"expand": ["latest_charge"]})


def payment_intent_confirm_with(payment_intent_id: str, *, payment_method: str):
    """Server-side confirmation with a card the browser tokenised (the fallback of the pay
    page for a Stripe.js without the Payment Element). Raises stripe.CardError on a decline."""
    stripe_client = client()
    stripe_client.v1.payment_intents.update(payment_intent_id, params={"payment_method": payment_method})
    return stripe_client.v1.payment_intents.confirm(payment_intent_id)


def payment_intent_cancel(payment_intent_id: str):
    return client().v1.payment_intents.cancel(payment_intent_id)


def refund_create(*, payment_intent_id: str, amount: Decimal | None = None, idempotency_key: str = ""):
    params = {"payment_intent": payment_intent_id}
    if amount is not None:
        params["amount"] = cents(amount)
    options = {"idempotency_key": idempotency_key} if idempotency_key else None
    return client().v1.refunds.create(params=params, options=options)


def account_create(*, supplier):
    """An Express connected account for the supplier, able to receive transfers."""
    return client().v1.accounts.create(
        params={
            "type": "express",
            "country": str(supplier.country),
            "email": supplier.email or None,
            "business_profile": {"name": supplier.name},
            "capabilities": {"transfers": {"requested": True}},
            "metadata": {"supplier": str(supplier.pk)},
        },
        options={"idempotency_key": idempotency_key(f"supplier-account-{supplier.pk}", supplier.created_at)},
    )


def account_link_create(*, account_id: str, refresh_url: str, return_url: str):
    """A one-time onboarding link (valid minutes): created when the supplier clicks, never stored."""
    return client().v1.account_links.create(
        params={
            "account": account_id,
            "type": "account_onboarding",
            "refresh_url": refresh_url,
            "return_url": return_url,
        }
    )


def account_retrieve(account_id: str):
    return client().v1.accounts.retrieve(account_id)


def transfer_create(*, transfer, charge_id: str, account_id: str):
    """Pays a supplier's share of its part (a `Transfer` row) out of the purchase's charge."""
    part = transfer.order
    return client().v1.transfers.create(
        params={
            "amount": cents(transfer.amount),
            "currency": part.currency.lower(),
            "destination": account_id,
            "transfer_group": part.purchase.number,
            "source_transaction": charge_id,
            "metadata": {"part": part.number},
        },
        options={"idempotency_key": idempotency_key(f"transfer-{part.number}", part.date_placed)},
    )


def transfer_reverse(*, transfer):
    """Takes a supplier's share of a refunded part back from its connected account, in full."""
    part = transfer.order
    return client().v1.transfers.reversals.create(
        transfer.transfer_id,
        params={"metadata": {"part": part.number}},
        options={"idempotency_key": idempotency_key(f"reversal-{part.number}", part.date_placed)},
    )
