"""Reads of the catalogue."""

from django.db.models import Exists, OuterRef, Prefetch
from oscar.core.loading import get_model

from marketplace.organisations.models import Supplier

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _stockrecords():
    """Stock records with their supplier, which the pricing strategy reads."""
    return Prefetch(
        "stockrecords",
        queryset=StockRecord.objects.select_related("partner__supplier__region").order_by("pk"),
    )


def products_for_pricing():
    """Products with what `strategy.fetch_for_product` and the product page read
    (stock records, supplier, attributes, images) in a fixed number of queries."""
    # Oscar's base_queryset() less its plain "stockrecords" prefetch, which would clash with ours.
    return (
        Product.objects.select_related("product_class", "parent__product_class")
        .annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related("children", "product_options", "product_class__options", "images", _stockrecords())
        .prefetch_attribute_values()
    )


def supplier_of(product) -> Supplier | None:
    """The supplier who sells the product: the supplier of the partner of its (first,
    and in our marketplace only) stock record; a variant is sold by its own record, a
    parent by its variants'. None if no supplier sells it."""
    from marketplace.partner.strategy import supplier_of_stockrecord

    records = list(product.stockrecords.all())
    if not records and product.is_parent:
        for child in product.children.all():
            records = list(child.stockrecords.all())
            if records:
                break
    return supplier_of_stockrecord(records[0]) if records else None


def product_is_visible_to(*, product, supplier: Supplier | None, user) -> bool:
    """A product of an unverified supplier is shown only to the supplier's members
    and to operators (staff); everybody sees the others (Oscar checks is_public)."""
    if supplier is not None and supplier.verified:
        return True
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return supplier is not None and supplier.memberships.filter(user=user).exists()
