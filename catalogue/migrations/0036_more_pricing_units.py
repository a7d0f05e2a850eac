"""Services are sold per meal, per m², per kg, per page…, not only per hour, day, visit
or project: a demo laundry showed "per visit" for its price per kg. The option group
gains the units services are really sold in (see catalogue.attributes.PRICING_UNITS)."""

from django.db import migrations

# (code, label); frozen here, as migrations must not import app code that changes.
UNITS = [
    ("person", "per person"), ("meal", "per meal"), ("m2", "per m²"), ("m3", "per m³"), ("kg", "per kg"),
    ("litre", "per litre"), ("piece", "per piece"), ("pallet", "per pallet"), ("lot", "per lot"),
    ("page", "per page"), ("set", "per set"), ("room", "per room"), ("device", "per device"),
    ("pages-1000", "per 1,000 pages"), ("delivery", "per delivery"), ("parcel", "per parcel"), ("month", "per month"),
]  # fmt: skip


def create(apps, schema_editor):
    AttributeOptionGroup = apps.get_model("catalogue", "AttributeOptionGroup")
    AttributeOption = apps.get_model("catalogue", "AttributeOption")
    group, _ = AttributeOptionGroup.objects.get_or_create(
        code="service-pricing-unit", defaults={"name": "Service pricing unit"}
    )
    for code, label in UNITS:
        AttributeOption.objects.get_or_create(group=group, code=code, defaults={"option": label})


def remove(apps, schema_editor):
    AttributeOption = apps.get_model("catalogue", "AttributeOption")
    AttributeOption.objects.filter(group__code="service-pricing-unit", code__in=[code for code, _ in UNITS]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0035_clean_rich_text")]
    operations = [migrations.RunPython(create, remove)]
