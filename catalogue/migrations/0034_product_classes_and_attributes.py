"""The two product classes of the marketplace and their attributes (see catalogue/attributes.py).
get_or_create throughout: the demo loader and existing databases may already hold the classes."""

from django.db import migrations

PRICING_UNITS = [("hour", "per hour"), ("day", "per day"), ("visit", "per visit"), ("project", "fixed project")]

# (code, name, type, required); frozen here, as migrations must not import app code that changes.
GOODS = [
    ("unit", "Unit of sale", "text", True),
    ("minimum_order_quantity", "Minimum order quantity", "integer", False),
    ("lead_time_days", "Lead time (days)", "integer", False),
    ("delivery_area", "Delivery area", "text", False),
    ("origin_region", "Origin region", "text", False),
    ("recycled_share", "Reused or recycled material (%)", "integer", False),
    ("certifications", "Certifications (comma-separated)", "text", False),
    ("vat_rate", "VAT rate (%), if not the standard rate", "float", False),
]
SERVICE = [
    ("pricing_unit", "Pricing unit", "option", True),
    ("area_served", "Area served", "text", False),
    ("capacity_per_month", "Capacity per month", "integer", False),
    ("on_quote_only", "On quote only", "boolean", False),
    ("vat_rate", "VAT rate (%), if not the standard rate", "float", False),
]


def create(apps, schema_editor):
    ProductClass = apps.get_model("catalogue", "ProductClass")
    ProductAttribute = apps.get_model("catalogue", "ProductAttribute")
    AttributeOptionGroup = apps.get_model("catalogue", "AttributeOptionGroup")
    AttributeOption = apps.get_model("catalogue", "AttributeOption")

    group, _ = AttributeOptionGroup.objects.get_or_create(
        code="service-pricing-unit", defaults={"name": "Service pricing unit"}
    )
    for code, label in PRICING_UNITS:
        AttributeOption.objects.get_or_create(group=group, code=code, defaults={"option": label})

    goods, _ = ProductClass.objects.get_or_create(
        slug="goods", defaults={"name": "Goods", "requires_shipping": True, "track_stock": True}
    )
    service, _ = ProductClass.objects.get_or_create(
        slug="service", defaults={"name": "Service", "requires_shipping": False, "track_stock": False}
    )
    for product_class, attributes in ((goods, GOODS), (service, SERVICE)):
        for code, name, type_, required in attributes:
            ProductAttribute.objects.get_or_create(
                product_class=product_class,
                code=code,
                defaults={
                    "name": name,
                    "type": type_,
                    "required": required,
                    "option_group": group if type_ == "option" else None,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_category_sector")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
