"""The shop's prices and availability, as buyers see them through Oscar's strategy."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_class

from marketplace.organisations import services
from tests.factories import SupplierFactory, goods_for_supplier, operator, service_for_supplier

Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def fetch(product):
    return Selector().strategy().fetch_for_product(product)


@pytest.mark.parametrize(
    ("country", "excl", "tax", "incl", "rate"),
    [
        ("LU", "12.50", "2.13", "14.63", "17"),  # 2.125 rounds half up to the cent
        ("FR", "12.50", "2.50", "15.00", "20"),
        ("DE", "9.99", "1.90", "11.89", "19"),
        ("BE", "100.00", "21.00", "121.00", "21"),
        ("NL", "0.05", "0.01", "0.06", "21"),
        ("RS", "33.33", "6.67", "40.00", "20"),
    ],
)
def test_price_excludes_vat_and_adds_the_supplier_countrys_standard_rate(country, excl, tax, incl, rate):
    supplier = SupplierFactory(country=country)
    price = fetch(goods_for_supplier(supplier=supplier, price=Decimal(excl))).price

    assert price.currency == "EUR"
    assert price.excl_tax == Decimal(excl)
    assert price.tax == Decimal(tax)
    assert price.incl_tax == Decimal(incl)
    assert price.tax_rate == Decimal(rate)


def test_a_products_own_vat_rate_overrides_the_countrys_rate():
    supplier = SupplierFactory(country="FR")
    bread = goods_for_supplier(supplier=supplier, price=Decimal("4.00"), attributes={"unit": "loaf", "vat_rate": "5.5"})

    price = fetch(bread).price

    assert price.tax_rate == Decimal("5.5")
    assert price.tax == Decimal("0.22")
    assert price.incl_tax == Decimal("4.22")


def test_a_country_without_a_known_rate_shows_no_vat_rather_than_a_guess():
    supplier = SupplierFactory(country="JP", region=None)

    price = fetch(goods_for_supplier(supplier=supplier, price=Decimal("10.00"))).price

    assert price.excl_tax == Decimal("10.00")
    assert price.tax == Decimal("0.00")


def test_goods_need_stock_but_services_do_not():
    supplier = SupplierFactory()
    sold_out = goods_for_supplier(supplier=supplier, num_in_stock=0)
    in_stock = goods_for_supplier(supplier=supplier, num_in_stock=3)
    consulting = service_for_supplier(supplier=supplier, num_in_stock=0)

    assert not fetch(sold_out).availability.is_available_to_buy
    assert fetch(in_stock).availability.is_available_to_buy
    assert fetch(consulting).availability.is_available_to_buy


def test_products_of_an_unverified_supplier_cannot_be_bought_and_say_why():
    supplier = SupplierFactory(unverified=True)
    info = fetch(goods_for_supplier(supplier=supplier, num_in_stock=50))

    assert not info.availability.is_available_to_buy
    assert info.availability.is_purchase_permitted(1) == (False, "Not for sale until the supplier is verified.")
    assert info.availability.message == "Not for sale until the supplier is verified."
    assert info.price.excl_tax == Decimal("12.50")  # the price is still shown to its members


def test_verification_makes_the_products_purchasable_and_withdrawing_it_stops_sales():
    supplier = SupplierFactory(unverified=True)
    product = goods_for_supplier(supplier=supplier)

    services.supplier_verify(supplier=supplier, by=operator())
    product.refresh_from_db()
    assert fetch(product).availability.is_available_to_buy

    services.supplier_unverify(supplier=supplier, by=operator())
    product.refresh_from_db()
    assert not fetch(product).availability.is_available_to_buy


def test_a_service_on_quote_only_is_not_put_in_a_basket():
    supplier = SupplierFactory()
    audit = service_for_supplier(supplier=supplier, attributes={"pricing_unit": "project", "on_quote_only": True})

    availability = fetch(audit).availability

    assert not availability.is_available_to_buy
    assert "quote" in str(availability.message)
