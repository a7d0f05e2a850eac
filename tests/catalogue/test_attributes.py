"""Attribute values are checked with messages a supplier understands, wherever they come from."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.attributes import attribute_rows, validate_attribute
from tests.factories import SupplierFactory, goods_for_supplier, service_for_supplier

# Pricing units are attribute options in the database, made by a data migration.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("product_classes")]


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("recycled_share", "120", "Recycled material must be between 0 and 100 %."),
        ("recycled_share", -5, "Recycled material must be between 0 and 100 %."),
        ("minimum_order_quantity", "0", "Minimum order must be at least 1."),
        ("minimum_order_quantity", "2.5", "Minimum order must be a whole number."),
        ("lead_time_days", "-1", "Lead time cannot be negative."),
        ("lead_time_days", "soon", "Lead time must be a whole number."),
        ("capacity_per_month", "0", "Capacity per month must be at least 1."),
        ("vat_rate", "150", "VAT rate must be between 0 and 100 %."),
        ("vat_rate", "reduced", "VAT rate must be a number, e.g. 5.5."),
        ("on_quote_only", "maybe", "On quote only must be yes or no."),
        ("unit", "  ", "Unit of sale is required."),
        (
            "pricing_unit",
            "per fortnight",
            "Pricing must be one of: per hour, per day, per month, per visit, per delivery, per parcel, per person, "
            "per meal, per m², per m³, per kg, per litre, per piece, per page, per 1,000 pages, per set, per room, "
            "per device, per pallet, per lot, fixed project.",
        ),
        ("colour", "red", "Unknown attribute “colour”."),
    ],
)
def test_invalid_values_are_refused_with_a_clear_message(code, value, message):
    with pytest.raises(ValidationError) as error:
        validate_attribute(code, value)
    assert error.value.messages == [message]


@pytest.mark.parametrize(
    ("code", "value", "cleaned"),
    [
        ("recycled_share", "60", 60),
        ("recycled_share", 0, 0),
        ("minimum_order_quantity", " 10 ", 10),
        ("lead_time_days", "0", 0),
        ("vat_rate", "5,5", 5.5),
        ("vat_rate", "17 %", 17.0),
        ("on_quote_only", "yes", True),
        ("on_quote_only", "", False),
        ("certifications", "EU Organic,Fair for Life , ", "EU Organic, Fair for Life"),
        ("delivery_area", "", None),
    ],
)
def test_values_typed_in_a_form_or_a_csv_are_cleaned(code, value, cleaned):
    assert validate_attribute(code, value) == cleaned


def test_pricing_unit_accepts_the_option_code_or_its_label():
    assert validate_attribute("pricing_unit", "day").option == "per day"
    assert validate_attribute("pricing_unit", "Fixed project").code == "project"


def test_the_product_form_refuses_a_recycled_share_over_100_percent(supplier):
    """Oscar's own validation (the dashboard's product form) applies our ranges too."""
    crate = goods_for_supplier(supplier=supplier)
    crate.attr.recycled_share = 140

    with pytest.raises(ValidationError) as error:
        crate.attr.validate_attributes()
    assert "Recycled material must be between 0 and 100 %." in str(error.value)


def test_attributes_read_in_words(supplier):
    crate = goods_for_supplier(
        supplier=supplier,
        attributes={
            "unit": "box",
            "minimum_order_quantity": 10,
            "lead_time_days": 5,
            "recycled_share": 60,
            "origin_region": "Lorraine",
            "certifications": "EU Organic, Nature & Progrès",
        },
    )
    cleaning = service_for_supplier(
        supplier=supplier, attributes={"pricing_unit": "day", "capacity_per_month": 12, "on_quote_only": True}
    )
    one_day = goods_for_supplier(supplier=SupplierFactory(), attributes={"unit": "crate", "lead_time_days": 1})

    assert attribute_rows(crate) == [
        ("Unit of sale", "box"),
        ("Minimum order", "10 boxes"),
        ("Lead time", "5 days"),
        ("Made in", "Lorraine"),
        ("Recycled material", "60 %"),
        ("Certifications", "EU Organic, Nature & Progrès"),
    ]
    assert attribute_rows(cleaning) == [
        ("Pricing", "per day"),
        ("Capacity per month", "12"),
        ("Ordering", "On quote only"),
    ]
    assert ("Lead time", "1 day") in attribute_rows(one_day)
