"""Twenty people at once, on SQLite (make run's database) and PostgreSQL: buyers adding
to baskets and placing orders, suppliers sending quotes. Nobody gets an error and no
update is lost."""

from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_place
from marketplace.sourcing import services as sourcing
from marketplace.sourcing.models import Need, Quote
from marketplace.sourcing.services import QuoteLineData
from tests.factories import (
    BuyerFactory,
    MembershipFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    UserFactory,
    goods_for_supplier,
)
from tests.order.helpers import basket_with, checkout_details
from tests.order.test_concurrency import in_parallel

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 20


def errors(results, expected_type):
    return [result for result in results if not isinstance(result, expected_type)]


def test_twenty_quick_adds_to_one_basket_are_all_counted():
    product = goods_for_supplier(supplier=SupplierFactory(), title="Reused bricks", num_in_stock=500)
    officer = UserFactory()
    basket = basket_with(officer, (product, 1))

    def add_one():
        fresh = Basket.objects.get(pk=basket.pk)
        fresh.strategy = basket.strategy
        return fresh.add_product(product, 1)

    results = in_parallel([add_one] * PEOPLE)

    assert errors(results, tuple) == []
    assert Basket.objects.get(pk=basket.pk).lines.get().quantity == 1 + PEOPLE


def test_twenty_buyers_order_at_once():
    product = goods_for_supplier(supplier=SupplierFactory(), title="Winter apples", num_in_stock=500)
    orders = []
    for _ in range(PEOPLE):
        buyer, officer = BuyerFactory(), UserFactory()
        MembershipFactory(user=officer, organisation=buyer)
        orders.append((buyer, officer, basket_with(officer, (product, 3))))

    def checkout(buyer, officer, basket):
        return lambda: purchase_place(
            basket=basket, user=officer, buyer=buyer, details=checkout_details(), payment_method="invoice"
        )

    results = in_parallel([checkout(*order) for order in orders])

    assert errors(results, Purchase) == []
    assert Purchase.objects.count() == PEOPLE
    assert StockRecord.objects.get(product=product).num_allocated == 3 * PEOPLE


def test_twenty_suppliers_quote_at_once():
    sector, region = SectorFactory(name="Catering"), RegionFactory(name="Lorraine", country="FR")
    suppliers = [
        SupplierFactory(sectors=[sector], region=region, served_regions=[region], created_by=UserFactory())
        for _ in range(PEOPLE)
    ]
    buyer, officer = BuyerFactory(), UserFactory()
    MembershipFactory(user=officer, organisation=buyer)
    need = sourcing.need_create(
        need=Need(
            buyer=buyer,
            title="Lunches for 200 people",
            description="A seminar lunch.",
            country="FR",
            region=region,
            quantity=Decimal("200"),
            unit="meals",
            deadline=timezone.now() + timezone.timedelta(days=7),
        ),
        sectors=[sector],
        by=officer,
    )
    need = sourcing.need_publish(need=need, by=officer)
    assert need.invitations.count() == PEOPLE

    def quote(supplier):
        def send():
            return sourcing.quote_submit(
                invitation=need.invitations.get(supplier=supplier),
                by=supplier.memberships.get().user,
                lines=[QuoteLineData("Lunch", Decimal("200"), "meal", Decimal("12.50"), Decimal("10"))],
                valid_until=timezone.localdate() + timezone.timedelta(days=30),
                delivery_date=timezone.localdate() + timezone.timedelta(days=20),
            )

        return send

    results = in_parallel([quote(supplier) for supplier in suppliers])

    assert errors(results, Quote) == []
    assert need.quotes.count() == PEOPLE
