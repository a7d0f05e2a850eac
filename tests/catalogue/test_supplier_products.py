"""The workspace's product form and the catalogue file: one set of checks for a
product typed in a form and a row of a spreadsheet, and an export that imports back
unchanged."""

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from catalogue import imports
from catalogue.attributes import unit_of_sale
from catalogue.forms import SupplierProductForm
from tests.factories import SectorFactory, SupplierFactory

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def grocer(db, product_classes):
    food = SectorFactory(name="Food", slug="food")
    Category.add_root(name="Food").add_child(name="Local food distribution")
    Category.add_root(name="Cleaning")
    return SupplierFactory(name="Épicerie Solidaire", country="LU", sectors=[SectorFactory(parent=food)])


GOODS = {
    "kind": "goods", "title": "Apple juice, 1 l", "description": "Pressed in Moselle.",
    "category": "Food > Local food distribution", "unit": "bottle", "price": "2.40", "vat_rate": "3",
    "stock": "120", "minimum_order_quantity": "6", "lead_time_days": "2",
}  # fmt: skip
SERVICE = {
    "kind": "service", "title": "Office cleaning", "category": "Cleaning", "pricing_unit": "hour",
    "price": "29.50", "vat_rate": "", "on_quote_only": "",
}  # fmt: skip


def test_a_new_product_is_saved_with_its_price_stock_unit_and_a_reference_made_from_its_name(grocer):
    form = SupplierProductForm(GOODS, supplier=grocer)
    assert form.is_valid(), form.errors
    product = imports.product_save(supplier=grocer, values=form.row())
    record = StockRecord.objects.get(product=product)
    assert (record.partner, record.partner_sku, record.price, record.num_in_stock) == (
        grocer.partner, "APPLE-JUICE-1-L", Decimal("2.40"), 120)  # fmt: skip
    assert (product.attr.unit, product.attr.vat_rate, product.attr.minimum_order_quantity) == ("bottle", 3.0, 6)


def test_a_service_needs_its_pricing_unit_and_has_no_stock(grocer):
    form = SupplierProductForm({**SERVICE, "pricing_unit": ""}, supplier=grocer)
    assert not form.is_valid() and form.errors["pricing_unit"] == ["Say what one price buys, e.g. per hour."]
    form = SupplierProductForm(SERVICE, supplier=grocer)
    assert form.is_valid(), form.errors
    product = imports.product_save(supplier=grocer, values=form.row())
    assert product.attr.pricing_unit.code == "hour" and StockRecord.objects.get(product=product).num_in_stock is None


def test_goods_need_a_stock_and_a_unit(grocer):
    form = SupplierProductForm({**GOODS, "stock": "", "unit": ""}, supplier=grocer)
    assert not form.is_valid()
    assert form.errors["stock"] == ["Say how many you have in stock (0 or more)."]
    assert form.errors["unit"] == ["Say what one price buys, e.g. piece or kg."]


def test_a_product_opens_in_its_form_as_saved_and_an_edit_changes_it_in_place(grocer):
    product = imports.product_save(supplier=grocer, values={**GOODS, "sku": "JUICE"})
    form = SupplierProductForm(supplier=grocer, product=product)
    assert {name: str(form[name].value()) for name in ("title", "price", "stock", "unit", "vat_rate", "sku")} == {
        "title": "Apple juice, 1 l", "price": "2.40", "stock": "120", "unit": "bottle", "vat_rate": "3",
        "sku": "JUICE"}  # fmt: skip
    data = {**GOODS, "sku": "OTHER", "kind": "service", "price": "2.60"}  # kind and SKU are not editable
    form = SupplierProductForm(data, supplier=grocer, product=product)
    assert form.is_valid(), form.errors
    assert imports.product_save(supplier=grocer, values=form.row()) == product
    assert StockRecord.objects.get(product=product).price == Decimal("2.60")
    assert StockRecord.objects.filter(partner=grocer.partner).count() == 1


def test_the_service_refuses_what_a_file_row_would_refuse(grocer):
    with pytest.raises(Exception) as error:
        imports.product_save(supplier=grocer, values={**GOODS, "sku": "X", "category": "Nowhere"})
    assert "Unknown category “Nowhere”." in str(error.value)


def test_the_exported_catalogue_imports_back_unchanged(grocer):
    imports.product_save(supplier=grocer, values={**GOODS, "sku": "JUICE", "title": "=HYPERLINK(evil)"})
    imports.product_save(supplier=grocer, values={**SERVICE, "sku": "CLEAN"})
    rows = imports.supplier_rows(grocer)
    assert rows[0] == imports.COLUMNS
    by_sku = {row[imports.COLUMNS.index("sku")]: dict(zip(imports.COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_sku["JUICE"]["title"] == "'=HYPERLINK(evil)"  # not run by a spreadsheet
    assert by_sku["JUICE"]["category"] == "Food > Local food distribution" and by_sku["CLEAN"]["pricing_unit"] == "hour"
    parsed = imports.rows_parse(filename="catalogue.xlsx", content=imports.rows_xlsx(rows))
    results = imports.rows_validate(supplier=grocer, rows=parsed)
    assert [(r.action, r.errors) for r in results] == [("update", []), ("update", [])]


@pytest.mark.parametrize(("language", "typed"), [("fr", "carton"), ("de", "karton"), ("sr", "кутија")])
def test_a_suggested_unit_picked_in_the_suppliers_language_reads_in_every_readers(grocer, language, typed):
    with translation.override(language):
        form = SupplierProductForm({**GOODS, "unit": typed}, supplier=grocer)
        assert form.is_valid(), form.errors
        product = imports.product_save(supplier=grocer, values=form.row())
        assert str(SupplierProductForm(supplier=grocer, product=product)["unit"].value()).casefold() == typed

    assert product.attr.unit == "box"  # stored once, as the suggested unit it is
    with translation.override("nl"):
        assert unit_of_sale(product) == "doos"
    with translation.override("en"):
        assert unit_of_sale(product) == "box"


def test_a_unit_of_the_suppliers_own_stays_as_written(grocer):
    form = SupplierProductForm({**GOODS, "unit": "Kiste"}, supplier=grocer)
    assert form.is_valid(), form.errors
    assert imports.product_save(supplier=grocer, values=form.row()).attr.unit == "Kiste"
