"""Each event, caused through the real services, reaches the endpoints of the
organisations concerned (and no other), with a payload about its own thing."""

import json
from decimal import Decimal

import pytest

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set, purchase_place
from marketplace.payments.services import invoice_mark_paid
from marketplace.sourcing import services as sourcing
from tests.factories import goods_for_supplier
from tests.order.fixtures import part_of
from tests.order.helpers import basket_with, checkout_details
from tests.sourcing.conftest import need_published, past_deadline, quote
from tests.webhooks.conftest import endpoint_for

pytestmark = pytest.mark.django_db


def received(receiver):
    """(path, type, data's first key) of each request since the last call."""
    out = []
    for request in receiver.requests:
        body = json.loads(request.body)
        out.append((request.path, body["type"], body))
    receiver.requests.clear()
    return out


def test_each_event_reaches_the_organisations_concerned(
    receiver, market, crates, yard, buyer, buyer_admin, django_capture_on_commit_callbacks
):
    hooks = {"/buyer": buyer, "/crates": crates, "/yard": yard, "/bricks": market.bricks}
    for path, organisation in hooks.items():
        endpoint_for(organisation, receiver, path=path)
    last_crate = goods_for_supplier(supplier=crates, title="Last crate", price=Decimal("4.00"), num_in_stock=1)
    bricks = goods_for_supplier(supplier=yard, title="Reused bricks", price=Decimal("2.50"), num_in_stock=100)

    def place():
        return purchase_place(
            basket=basket_with(buyer_admin, (last_crate, 1), (bricks, 10)),
            user=buyer_admin,
            buyer=buyer,
            details=checkout_details(),
            payment_method=Purchase.PaymentMethod.INVOICE,
        )

    state = {}

    def accept():
        state["part"] = part_status_set(part=part_of(state["purchase"], crates), status=PartStatus.ACCEPTED)

    def deliver():
        part_status_set(part=state["part"], status=PartStatus.DELIVERED)

    def pay():
        invoice_mark_paid(invoice=state["part"].invoice_or_none, by=None)

    def publish():
        state["need"] = need_published(market)

    def offer():
        state["quote"] = quote(state["need"], market.bricks, ("Bricks", "2000", "0.40", "20"))

    def award():
        need = past_deadline(state["need"])
        sourcing.need_award(need=need, quote=state["quote"], by=market.officer, details=checkout_details())

    steps = [
        # (what happens, {(endpoint path, event type)} expected)
        (
            lambda: state.update(purchase=place()),
            {("/crates", "order_part.placed"), ("/yard", "order_part.placed"), ("/crates", "product.out_of_stock")},
        ),
        (
            accept,
            {
                ("/crates", "order_part.confirmed"),
                ("/buyer", "order_part.confirmed"),
                ("/crates", "invoice.issued"),
                ("/buyer", "invoice.issued"),
            },
        ),
        (deliver, {("/crates", "order_part.delivered"), ("/buyer", "order_part.delivered")}),
        (pay, {("/crates", "invoice.paid"), ("/buyer", "invoice.paid")}),
        # Bricks Again is invited (Renovators France too, without an endpoint).
        (publish, {("/buyer", "need.published"), ("/bricks", "need.published")}),
        (offer, {("/buyer", "quote.received")}),
        (award, {("/bricks", "quote.awarded"), ("/bricks", "order_part.placed")}),
    ]
    for action, expected in steps:
        with django_capture_on_commit_callbacks(execute=True):
            action()
        got = received(receiver)
        assert {(path, kind) for path, kind, _ in got} == expected, action
        for path, kind, body in got:
            # Addressed to the endpoint's organisation; nothing of the other supplier's part.
            assert body["organisation"]["id"] == hooks[path].pk
            text = json.dumps(body)
            if path == "/crates":
                assert "Reused bricks" not in text
            if path == "/yard":
                assert "Last crate" not in text
            if kind.startswith("order_part") and path != "/bricks":
                part = body["data"]["order_part"]
                assert part["supplier"]["id"] in (crates.pk, yard.pk) and part["buyer"]["id"] == buyer.pk


def test_a_rolled_back_write_sends_nothing(receiver, crates, buyer, buyer_admin, django_capture_on_commit_callbacks):
    from django.db import transaction

    endpoint_for(crates, receiver)
    crate = goods_for_supplier(supplier=crates, title="Crate", price=Decimal("4.00"))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        purchase_place(
            basket=basket_with(buyer_admin, (crate, 1)),
            user=buyer_admin,
            buyer=buyer,
            details=checkout_details(),
            payment_method=Purchase.PaymentMethod.INVOICE,
        )
        raise RuntimeError("the caller fails after the purchase")
    assert receiver.requests == []
