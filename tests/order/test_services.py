"""Placing a purchase split per supplier, and each part's status flow."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from marketplace.order.models import REASON_NOTE, PartStatus, Purchase, part_status_label
from marketplace.order.selectors import closing_reasons
from marketplace.order.services import (
    CheckoutError,
    part_status_set,
    purchase_paid,
    purchase_payment_failed,
    purchase_place,
)
from marketplace.payments.models import Invoice
from tests.factories import SupplierFactory, goods_for_supplier, service_for_supplier
from tests.order.helpers import basket_with, checkout_details

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
OrderNote = get_model("order", "OrderNote")

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_suppliers():
    return [SupplierFactory(name=name) for name in ("Green Crates", "Reuse Yard", "Clean Team")]


@pytest.fixture
def basket_of_three(buyer_admin, three_suppliers):
    crates, yard, cleaners = three_suppliers
    apples = goods_for_supplier(supplier=crates, title="Apples", price=Decimal("10.00"), num_in_stock=5)
    bricks = goods_for_supplier(supplier=yard, title="Reused bricks", price=Decimal("2.50"), num_in_stock=100)
    cleaning = service_for_supplier(supplier=cleaners, title="Office cleaning", price=Decimal("200.00"))
    return basket_with(buyer_admin, (apples, 2), (bricks, 40), (cleaning, 1))


def place(basket, user, buyer, method=Purchase.PaymentMethod.INVOICE, **details):
    return purchase_place(
        basket=basket, user=user, buyer=buyer, details=checkout_details(**details), payment_method=method
    )


def test_one_purchase_with_one_part_per_supplier(buyer, buyer_admin, basket_of_three, three_suppliers):
    purchase = place(basket_of_three, buyer_admin, buyer)

    parts = list(purchase.parts.order_by("number"))
    assert [part.supplier for part in parts] == three_suppliers
    assert [part.number for part in parts] == [f"{purchase.number}-1", f"{purchase.number}-2", f"{purchase.number}-3"]
    assert all(part.status == PartStatus.PLACED for part in parts)
    assert [part.total_excl_tax for part in parts] == [Decimal("20.00"), Decimal("100.00"), Decimal("200.00")]
    # Every line of a part is its supplier's.
    for part in parts:
        assert {line.partner_id for line in part.lines.all()} == {part.supplier.partner_id}
    assert purchase.total_excl_tax == Decimal("320.00")
    assert purchase.total_incl_tax == sum(part.total_incl_tax for part in parts)
    assert purchase.purchase_order_reference == "PO-2026-17"
    basket_of_three.refresh_from_db()
    assert basket_of_three.status == Basket.SUBMITTED


def test_placing_reserves_goods_stock(buyer, buyer_admin, basket_of_three):
    place(basket_of_three, buyer_admin, buyer)
    apples = StockRecord.objects.get(product__title="Apples")
    assert (apples.num_in_stock, apples.num_allocated) == (5, 2)


def test_buyer_and_each_supplier_are_told(
    buyer, buyer_admin, basket_of_three, three_suppliers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purchase = place(basket_of_three, buyer_admin, buyer)
    to_buyer = [message for message in mail.outbox if message.to == [buyer_admin.email]]
    assert len(to_buyer) == 1 and purchase.number in to_buyer[0].subject
    crates_admin = three_suppliers[0].memberships.get().user
    to_crates = [message for message in mail.outbox if message.to == [crates_admin.email]]
    assert len(to_crates) == 1
    # A supplier hears of its own part only: no other supplier's line or price.
    assert "Apples" in to_crates[0].body
    assert "Reused bricks" not in to_crates[0].body and "Office cleaning" not in to_crates[0].body


def test_second_submit_returns_the_first_purchase(buyer, buyer_admin, basket_of_three):
    first = place(basket_of_three, buyer_admin, buyer)
    second = place(basket_of_three, buyer_admin, buyer)
    assert first == second
    assert Purchase.objects.count() == 1
    assert StockRecord.objects.get(product__title="Apples").num_allocated == 2


def test_stock_that_ran_out_places_nothing(buyer, buyer_admin, basket_of_three):
    StockRecord.objects.filter(product__title="Apples").update(num_allocated=4)  # one apple crate left
    with pytest.raises(CheckoutError) as error:
        place(basket_of_three, buyer_admin, buyer)
    assert error.value.messages == ["Apples: a maximum of 1 can be bought"]
    assert not Purchase.objects.exists()
    basket_of_three.refresh_from_db()
    assert basket_of_three.status == Basket.OPEN and basket_of_three.num_lines == 3


def test_quantity_below_the_minimum_order_is_refused(buyer, buyer_admin, three_suppliers):
    eggs = goods_for_supplier(
        supplier=three_suppliers[0], title="Eggs", attributes={"unit": "tray", "minimum_order_quantity": 10}
    )
    basket = basket_with(buyer_admin)
    basket.add_product(eggs, 3)  # Oscar's basket itself does not check; the form and checkout do
    with pytest.raises(CheckoutError) as error:
        place(basket, buyer_admin, buyer)
    assert error.value.messages == ["Eggs: The minimum order is 10."]


def test_card_purchase_waits_for_payment_then_is_placed(buyer, buyer_admin, basket_of_three):
    purchase = place(basket_of_three, buyer_admin, buyer, method=Purchase.PaymentMethod.CARD)
    assert {part.status for part in purchase.parts.all()} == {PartStatus.AWAITING_PAYMENT}
    basket_of_three.refresh_from_db()
    assert basket_of_three.status == Basket.FROZEN

    purchase_paid(purchase)
    purchase_paid(purchase)  # the webhook and the return page may both say so

    purchase.refresh_from_db()
    assert purchase.payment_status == Purchase.PaymentStatus.PAID
    assert {part.status for part in purchase.parts.all()} == {PartStatus.PLACED}
    basket_of_three.refresh_from_db()
    assert basket_of_three.status == Basket.SUBMITTED


def test_failed_card_payment_keeps_the_basket_and_releases_stock(buyer, buyer_admin, basket_of_three):
    purchase = place(basket_of_three, buyer_admin, buyer, method=Purchase.PaymentMethod.CARD)
    purchase_payment_failed(purchase)

    purchase.refresh_from_db()
    assert purchase.payment_status == Purchase.PaymentStatus.FAILED
    assert {part.status for part in purchase.parts.all()} == {PartStatus.CANCELLED}
    assert StockRecord.objects.get(product__title="Apples").num_allocated == 0
    basket_of_three.refresh_from_db()
    assert basket_of_three.status == Basket.OPEN and basket_of_three.num_lines == 3
    # The same basket can be checked out again.
    again = place(basket_of_three, buyer_admin, buyer)
    assert again != purchase


def test_part_flow_accept_ship_complete(buyer, buyer_admin, basket_of_three):
    purchase = place(basket_of_three, buyer_admin, buyer)
    part = purchase.parts.get(number__endswith="-1")

    part = part_status_set(part=part, status=PartStatus.ACCEPTED)
    invoice = Invoice.objects.get(order=part)
    assert invoice.status == Invoice.Status.OPEN and invoice.total_incl_tax == part.total_incl_tax
    assert (invoice.due_on - invoice.issued_on).days == 30

    part = part_status_set(part=part, status=PartStatus.SHIPPED)
    apples = StockRecord.objects.get(product__title="Apples")
    assert (apples.num_in_stock, apples.num_allocated) == (3, 0)
    part = part_status_set(part=part, status=PartStatus.COMPLETED)
    assert list(part.status_changes.values_list("new_status", flat=True).order_by("pk")) == [
        PartStatus.ACCEPTED,
        PartStatus.SHIPPED,
        PartStatus.COMPLETED,
    ]


def test_rejecting_releases_stock_and_illegal_steps_are_refused(buyer, buyer_admin, basket_of_three):
    purchase = place(basket_of_three, buyer_admin, buyer)
    part = purchase.parts.get(number__endswith="-1")
    with pytest.raises(InvalidOrderStatus, match="A part that is “Placed” cannot become “Dispatched”."):
        part_status_set(part=part, status=PartStatus.SHIPPED)
    part_status_set(part=part, status=PartStatus.REJECTED)
    assert StockRecord.objects.get(product__title="Apples").num_allocated == 0
    # The message names the statuses as people read them, not the stored values.
    with pytest.raises(InvalidOrderStatus, match="A part that is “Declined” cannot become “Confirmed”."):
        part_status_set(part=part, status=PartStatus.ACCEPTED)
    # The other parts are untouched.
    assert set(purchase.parts.exclude(pk=part.pk).values_list("status", flat=True)) == {PartStatus.PLACED}


def test_every_status_of_the_pipeline_has_words_for_people(settings):
    assert set(PartStatus.LABELS) == set(settings.OSCAR_ORDER_STATUS_PIPELINE)
    assert [part_status_label(status) for status in PartStatus.LABELS] == [
        "Awaiting payment",
        "Placed",
        "Confirmed",
        "Declined",
        "Dispatched",
        "Delivered",
        "Completed",
        "Cancelled",
    ]
    # A status outside the pipeline (an old one, a line's) shows as it is stored.
    assert part_status_label("On hold") == "On hold"


def test_a_reason_is_kept_on_the_part(buyer, buyer_admin, basket_of_three, supplier_admin):
    purchase = place(basket_of_three, buyer_admin, buyer)
    part = purchase.parts.get(number__endswith="-1")
    part_status_set(part=part, status=PartStatus.REJECTED, reason="Out of apples", by=supplier_admin)
    note = OrderNote.objects.get(order=part)
    assert (note.message, note.note_type, note.user) == ("Out of apples", REASON_NOTE, supplier_admin)
    assert closing_reasons(purchase.parts.all()) == {part.pk: "Out of apples"}
