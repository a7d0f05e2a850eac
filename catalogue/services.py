"""Writes of the catalogue: the product classes exist, the shop's categories
follow the sector taxonomy, suppliers' members add, describe, order and remove the
photos of their products."""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core import content
from marketplace.organisations.models import Sector

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
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


def _names(sector: Sector) -> dict:
    """The sector's name in every language, by column."""
    return {content.column("name", code): getattr(sector, content.column("name", code)) for code in content.languages()}


@transaction.atomic
def category_for_sector(sector: Sector):
    """The shop category of a sector (same name in every language, under its parent
    sector's category), created or brought in step. An existing category of the same
    name and place (e.g. made by Oscar's create_from_breadcrumbs) is adopted, so its
    slug and URL stay."""
    parent = category_for_sector(sector.parent) if sector.parent_id else None
    category = Category.objects.filter(sector=sector).first()
    if category is None:
        category = _find_by_name(sector.name, parent)
        if category is None:
            fields = {**_names(sector), "sector": sector}
            category = parent.add_child(**fields) if parent else Category.add_root(**fields)
            return category
        category.sector = sector
    for column, name in _names(sector).items():
        setattr(category, column, name)  # the slug stays: links to the category keep working
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


# Product photos. Oscar's `caption` is the photo's alternative text: Oscar's templates and
# ours put it in the image's alt attribute and nowhere else. The photo with the lowest
# `display_order` is the product's main photo (Oscar's primary_image).


def _product_photos_check(*, supplier, product, by) -> None:
    """Only a member of the supplier, on a product the supplier sells."""
    is_member = supplier.memberships.filter(user=by).exists()
    if not is_member or not product.stockrecords.filter(partner_id=supplier.partner_id).exists():
        raise PermissionDenied(_("Only the members of the social enterprise that sells a product change its photos."))


@transaction.atomic
def product_photo_add(*, supplier, product, by, image, alt_text: str):
    """Adds `image` (a file already checked and re-encoded by marketplace.uploads.image_clean)
    after the product's other photos. Returns the ProductImage."""
    _product_photos_check(supplier=supplier, product=product, by=by)
    last = product.images.aggregate(last=Max("display_order"))["last"]
    return ProductImage.objects.create(
        product=product, original=image, caption=alt_text.strip(), display_order=0 if last is None else last + 1
    )


@dataclass
class PhotoChange:
    image: object  # a ProductImage of the product
    alt_text: str
    position: int  # 1 for the main photo
    remove: bool = False


@transaction.atomic
def product_photos_update(*, supplier, product, by, changes: list[PhotoChange]) -> None:
    """Saves the photos' alternative texts, removes those marked, and renumbers the rest
    1, 2, 3… in the positions asked. A photo moved to a taken position goes before the
    one that was there; photos the changes do not mention (added meanwhile in another
    tab) keep their order after them."""
    _product_photos_check(supplier=supplier, product=product, by=by)
    if any(change.image.product_id != product.pk for change in changes):
        raise PermissionDenied(_("This photo belongs to another product."))
    removed = [change.image.pk for change in changes if change.remove]
    ProductImage.objects.filter(product=product, pk__in=removed).delete()  # django-cleanup removes the files
    kept = sorted(
        (change for change in changes if not change.remove),
        key=lambda c: (c.position, c.position == c.image.display_order + 1, c.image.display_order, c.image.pk),
    )
    others = product.images.exclude(pk__in=[change.image.pk for change in changes]).order_by("display_order", "pk")
    for change in kept:
        change.image.caption = change.alt_text.strip()
    for order, image in enumerate([change.image for change in kept] + list(others)):
        image.display_order = order
        image.save(update_fields=["caption", "display_order"])
