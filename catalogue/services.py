"""Writes of the catalogue: the product classes exist, the shop's categories
follow the sector taxonomy."""

from importlib import import_module

from django.apps import apps
from django.db import transaction
from oscar.core.loading import get_model

from marketplace.organisations.models import Sector

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
KINDS = ("goods", "service")


def product_classes_ensure() -> dict:
    """Goods and Service with their attributes, as the data migration creates them
    (its very code, on today's models): for databases emptied after migrating, such
    as flushed test databases, before the demo loads. Idempotent. slug -> class."""
    for name in ("0034_product_classes_and_attributes", "0036_more_pricing_units"):
        import_module(f"catalogue.migrations.{name}").create(apps, None)
    return {product_class.slug: product_class for product_class in ProductClass.objects.filter(slug__in=KINDS)}


def _find_by_name(name: str, parent):
    siblings = parent.get_children() if parent is not None else Category.get_root_nodes()
    return siblings.filter(name=name, sector__isnull=True).first()


@transaction.atomic
def category_for_sector(sector: Sector):
    """The shop category of a sector (same name, under its parent sector's category),
    created or brought in step. An existing category of the same name and place (e.g.
    made by Oscar's create_from_breadcrumbs) is adopted, so its slug and URL stay."""
    parent = category_for_sector(sector.parent) if sector.parent_id else None
    category = Category.objects.filter(sector=sector).first()
    if category is None:
        category = _find_by_name(sector.name, parent)
        if category is None:
            fields = {"name": sector.name, "sector": sector}
            category = parent.add_child(**fields) if parent else Category.add_root(**fields)
            return category
        category.sector = sector
    if category.name != sector.name:
        category.name = sector.name  # the slug stays: links to the category keep working
    category.save()
    current_parent = category.get_parent()
    if (current_parent.pk if current_parent else None) != (parent.pk if parent else None):
        # The sector moved under another parent: the category follows.
        if parent is None:
            category.move(Category.get_last_root_node(), "last-sibling")
        else:
            category.move(parent, "last-child")
        category.refresh_from_db()
        category.save()  # Oscar recomputes what depends on the ancestors (their visibility)
    return category


@transaction.atomic
def categories_sync() -> int:
    """Make sure every sector has its category; returns the number of sectors."""
    sectors = list(Sector.objects.select_related("parent").order_by("parent_id", "position", "name"))
    for sector in sectors:
        category_for_sector(sector)
    return len(sectors)
