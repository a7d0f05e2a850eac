"""Stripe API objects and webhook events shaped as Stripe sends them (API version
2026-10-28), trimmed to the fields a reader needs, for the calls and events the local
fake Stripe server does not produce."""

import itertools

CREATED = 1795600000
_ids = itertools.count(1)


def _id(prefix: str) -> str:
    return f"{prefix}_test{next(_ids):010d}"


def payment_intent(*, id=None, amount=14400, status="requires_payment_method", purchase="100001", **fields):
    intent_id = id or _id("pi")
    return {
        "id": intent_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_capturable": 0,
        "amount_received": amount if status == "succeeded" else 0,
        "capture_method": "automatic_async",
        "client_secret": f"{intent_id}_secret_test",
        "confirmation_method": "automatic",
        "created": CREATED,
        "currency": "eur",
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "metadata": {"purchase": purchase},
        "next_action": None,
        "payment_method": None,
        "payment_method_types": ["card"],
        "status": status,
        "transfer_group": None,
        **fields,
    }


def charge(*, payment_intent, amount=14400, amount_refunded=0, **fields):
    return {
        "id": _id("ch"),
        "object": "charge",
        "amount": amount,
        "amount_captured": amount,
        "amount_refunded": amount_refunded,
        "balance_transaction": _id("txn"),
        "captured": True,
        "created": CREATED,
        "currency": "eur",
        "livemode": False,
        "metadata": {},
        "paid": True,
        "payment_intent": payment_intent,
        "refunded": amount_refunded >= amount,
        "status": "succeeded",
        **fields,
    }


def account(*, id=None, charges_enabled=False, payouts_enabled=False, details_submitted=False, **fields):
    return {
        "id": id or _id("acct"),
        "object": "account",
        "business_profile": {"name": "Repair Coop"},
        "capabilities": {"transfers": "active" if payouts_enabled else "inactive"},
        "charges_enabled": charges_enabled,
        "country": "LU",
        "created": CREATED,
        "default_currency": "eur",
        "details_submitted": details_submitted,
        "email": None,
        "metadata": {},
        "payouts_enabled": payouts_enabled,
        "type": "express",
        **fields,
    }


def account_link(*, account_id):
    return {
        "object": "account_link",
        "created": CREATED,
        "expires_at": CREATED + 300,
        "url": f"https://connect.stripe.com/setup/e/{account_id}/onboarding-test",
    }


def transfer(*, amount, destination, source_transaction, transfer_group, part):
    transfer_id = _id("tr")
    return {
        "id": transfer_id,
        "object": "transfer",
        "amount": amount,
        "amount_reversed": 0,
        "balance_transaction": _id("txn"),
        "created": CREATED,
        "currency": "eur",
        "description": None,
        "destination": destination,
        "destination_payment": _id("py"),
        "livemode": False,
        "metadata": {"part": part},
        "reversals": {"object": "list", "data": [], "has_more": False, "url": f"/v1/transfers/{transfer_id}/reversals"},
        "reversed": False,
        "source_transaction": source_transaction,
        "source_type": "card",
        "transfer_group": transfer_group,
    }


def transfer_reversal(*, transfer_id, amount, part):
    return {
        "id": _id("trr"),
        "object": "transfer_reversal",
        "amount": amount,
        "balance_transaction": _id("txn"),
        "created": CREATED,
        "currency": "eur",
        "destination_payment_refund": _id("pyr"),
        "metadata": {"part": part},
        "source_refund": None,
        "transfer": transfer_id,
    }


def refund(*, payment_intent, amount, charge_id="ch_test_purchase"):
    return {
        "id": _id("re"),
        "object": "refund",
        "amount": amount,
        "balance_transaction": _id("txn"),
        "charge": charge_id,
        "created": CREATED,
        "currency": "eur",
        "metadata": {},
        "payment_intent": payment_intent,
        "reason": None,
        "status": "succeeded",
    }


def event(event_type: str, obj: dict, *, id=None) -> dict:
    return {
        "id": id or _id("evt"),
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": CREATED,
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
    }
