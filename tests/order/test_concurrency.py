"""Concurrent checkouts on SQLite (the embedded default, a file in WAL mode) and on
PostgreSQL: real transactions in parallel threads, each with its own database
connection, as in production with several workers."""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connections
from oscar.core.loading import get_model

from marketplace.order.models import Purchase
from marketplace.order.services import CheckoutError, purchase_place
from tests.factories import BuyerFactory, MembershipFactory, SupplierFactory, UserFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db(transaction=True)


def in_parallel(calls):
    """Runs the calls at the same moment, each in its own thread and connection;
    returns each one's result or exception."""
    start = threading.Barrier(len(calls))

    def run(call):
        try:
            start.wait()
            return call()
        except Exception as error:  # the test inspects what each checkout raised
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_fifty_checkouts_for_the_last_ten_units():
    supplier = SupplierFactory(name="Green Crates")
    product = goods_for_supplier(supplier=supplier, title="Winter apples", price=Decimal("9.00"), num_in_stock=10)
    buyer = BuyerFactory()
    baskets = []
    for _ in range(50):
        officer = UserFactory()
        MembershipFactory(user=officer, organisation=buyer)
        baskets.append((officer, basket_with(officer, (product, 1))))

    def checkout(officer, basket):
        return lambda: purchase_place(
            basket=basket, user=officer, buyer=buyer, details=checkout_details(), payment_method="invoice"
        )

    results = in_parallel([checkout(officer, basket) for officer, basket in baskets])

    placed = [result for result in results if isinstance(result, Purchase)]
    refused = [result for result in results if isinstance(result, CheckoutError)]
    assert len(placed) == 10 and len(refused) == 40, [
        r for r in results if not isinstance(r, (Purchase, CheckoutError))
    ]
    assert Purchase.objects.count() == 10
    stock = StockRecord.objects.get(product=product)
    assert stock.num_allocated == 10 and stock.num_in_stock - stock.num_allocated == 0
    # Each refused buyer is told why and keeps a basket with the line.
    for error in refused:
        assert "Winter apples" in error.messages[0]
    refused_baskets = Basket.objects.exclude(purchase__isnull=False).filter(pk__in=[basket.pk for _, basket in baskets])
    assert refused_baskets.count() == 40
    assert all(basket.status == Basket.OPEN and basket.num_lines == 1 for basket in refused_baskets)


def test_double_submit_of_the_final_step_places_one_purchase():
    supplier = SupplierFactory(name="Reuse Yard")
    product = goods_for_supplier(supplier=supplier, title="Reused bricks", price=Decimal("2.00"), num_in_stock=100)
    buyer = BuyerFactory()
    officer = UserFactory()
    MembershipFactory(user=officer, organisation=buyer)
    basket = basket_with(officer, (product, 30))

    def submit():
        return purchase_place(
            basket=basket, user=officer, buyer=buyer, details=checkout_details(), payment_method="invoice"
        )

    first, second = in_parallel([submit, submit])

    assert isinstance(first, Purchase) and first == second
    assert Purchase.objects.count() == 1
    assert first.parts.count() == 1
    assert StockRecord.objects.get(product=product).num_allocated == 30


def test_twenty_parts_accepted_at_once_take_invoice_numbers_without_gap_or_duplicate():
    from marketplace.order.models import PartStatus
    from marketplace.order.services import part_status_set
    from marketplace.payments.models import Invoice

    supplier = SupplierFactory(name="Green Crates")
    product = goods_for_supplier(supplier=supplier, title="Winter apples", price=Decimal("9.00"), num_in_stock=100)
    buyer = BuyerFactory()
    parts = []
    for _ in range(20):
        officer = UserFactory()
        MembershipFactory(user=officer, organisation=buyer)
        purchase = purchase_place(
            basket=basket_with(officer, (product, 1)),
            user=officer,
            buyer=buyer,
            details=checkout_details(),
            payment_method="invoice",
        )
        parts.append(purchase.parts.get())

    def accept(part):
        return lambda: part_status_set(part=part, status=PartStatus.ACCEPTED)

    results = in_parallel([accept(part) for part in parts])
    assert all(not isinstance(result, Exception) for result in results), results
    numbers = sorted(Invoice.objects.filter(supplier=supplier).values_list("number", flat=True))
    year = Invoice.objects.filter(supplier=supplier).first().issued_on.year
    assert numbers == [f"INV-{supplier.pk}-{year}-{sequence:05d}" for sequence in range(1, 21)]

    # Cancelling ten of them at once gives ten credit notes, numbered 1 to 10 in their own series.
    results = in_parallel(
        [lambda part=part: part_status_set(part=part, status=PartStatus.CANCELLED) for part in parts[:10]]
    )
    assert all(not isinstance(result, Exception) for result in results), results
    credit_notes = sorted(Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE).values_list("number", flat=True))
    assert credit_notes == [f"CN-{supplier.pk}-{year}-{sequence:05d}" for sequence in range(1, 11)]
