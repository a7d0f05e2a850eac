"""The one place that watches model changes for search: every change that alters
a supplier's or a product's search document schedules it for reindexing after
commit (search.services.suppliers_reindex_later, products_reindex_later).
Nothing else happens here."""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.core.loading import get_model

from marketplace.organisations.models import (
    ImpactArea,
    Label,
    Network,
    NetworkMembership,
    Region,
    Sector,
    ServedArea,
    Supplier,
)

from .services import facet_vocabulary_forget, products_reindex_later, suppliers_reindex_later

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


def _products_of(suppliers):
    """Ids of the products (and their parents) that these suppliers sell."""
    rows = Product.objects.filter(stockrecords__partner__supplier__in=suppliers).values_list("pk", "parent_id")
    return {pk for row in rows for pk in row if pk}


def _supplier_changed(sender, instance, **kwargs):
    suppliers_reindex_later([instance.pk])
    # Its products show its name and verified state and are found by its country, impact and networks.
    products_reindex_later(_products_of([instance.pk]))


def _supplier_leaving(sender, instance, **kwargs):
    # Once deleted, nothing says which products it sold: remember them now.
    products_reindex_later(_products_of([instance.pk]))


def _relations_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # supplier.sectors.set(...)
        if action.startswith("post_"):
            changed = [instance.pk]
        else:
            return
    elif action == "pre_clear":  # sector.suppliers.clear()
        changed = list(instance.suppliers.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):  # sector.suppliers.add(...)
        changed = list(pk_set)
    else:
        return
    suppliers_reindex_later(changed)
    if sender is Supplier.impact_areas.through:  # products are found by their supplier's impact
        products_reindex_later(_products_of(changed))


def _served_area_changed(sender, instance, **kwargs):
    suppliers_reindex_later([instance.supplier_id])


def _membership_changed(sender, instance, **kwargs):
    suppliers_reindex_later([instance.supplier_id])
    products_reindex_later(_products_of([instance.supplier_id]))


def _stock_changed(sender, instance, **kwargs):
    suppliers_reindex_later(Supplier.objects.filter(partner_id=instance.partner_id).values_list("pk", flat=True))
    _product_itself_changed(sender, instance.product)


def _product_changed(sender, instance, **kwargs):
    sellers = Supplier.objects.filter(partner__stockrecords__product__in=[instance.pk, *instance.children.all()])
    suppliers_reindex_later(sellers.values_list("pk", flat=True))
    _product_itself_changed(sender, instance)


def _product_itself_changed(sender, product):
    """A product or a variant: the document is its own or its parent's."""
    if product is not None:
        products_reindex_later([product.pk, product.parent_id] if product.parent_id else [product.pk])


def _product_deleted(sender, instance, **kwargs):
    _product_itself_changed(sender, instance)


def _product_part_changed(sender, instance, **kwargs):
    """An image, a category link or an attribute value of a product."""
    try:
        product = instance.product
    except Product.DoesNotExist:  # deleted with its product, which is reindexed itself
        return
    _product_itself_changed(sender, product)


def _category_changed(sender, instance, **kwargs):
    """A renamed, moved or deleted category: the products in it and below."""
    facet_vocabulary_forget()
    if instance.path:
        in_subtree = Product.objects.filter(categories__path__startswith=instance.path)
        products_reindex_later(in_subtree.values_list("pk", flat=True))


def _product_class_changed(sender, instance, **kwargs):
    products_reindex_later(Product.objects.filter(product_class=instance).values_list("pk", flat=True))


def _vocabulary_changed(sender, instance, **kwargs):
    """A renamed or deleted sector, impact area, label or region, or a network
    whose slug changed: its suppliers' text and facet values."""
    if sender is Sector:
        suppliers = Supplier.objects.filter(sectors__in=[instance.pk, *instance.children.all()])
    elif sender is Network:
        suppliers = instance.members.all()
    elif sender is Region:  # based there, serving it, or serving its whole country (a new region of theirs)
        suppliers = Supplier.objects.filter(
            Q(region=instance)
            | Q(served_areas__region=instance)
            | Q(served_areas__country=instance.country, served_areas__region__isnull=True)
        ).distinct()
    else:
        suppliers = instance.suppliers.all()
    ids = list(suppliers.values_list("pk", flat=True))
    suppliers_reindex_later(ids)
    if sender in (ImpactArea, Network):  # product facet values of their suppliers' products
        products_reindex_later(_products_of(ids))


def _labels_changed(sender, **kwargs):
    facet_vocabulary_forget()


def connect():
    post_save.connect(_supplier_changed, sender=Supplier, dispatch_uid="search-supplier-saved")
    pre_delete.connect(_supplier_leaving, sender=Supplier, dispatch_uid="search-supplier-leaving")
    post_delete.connect(_supplier_changed, sender=Supplier, dispatch_uid="search-supplier-deleted")
    for relation in (Supplier.sectors, Supplier.impact_areas, Supplier.labels):
        m2m_changed.connect(_relations_changed, sender=relation.through, dispatch_uid=f"search-{relation.field.name}")
    post_save.connect(_served_area_changed, sender=ServedArea, dispatch_uid="search-served-area-saved")
    post_delete.connect(_served_area_changed, sender=ServedArea, dispatch_uid="search-served-area-deleted")
    post_save.connect(_membership_changed, sender=NetworkMembership, dispatch_uid="search-network-joined")
    post_delete.connect(_membership_changed, sender=NetworkMembership, dispatch_uid="search-network-left")
    post_save.connect(_stock_changed, sender=StockRecord, dispatch_uid="search-stock-saved")
    post_delete.connect(_stock_changed, sender=StockRecord, dispatch_uid="search-stock-deleted")
    post_save.connect(_product_changed, sender=Product, dispatch_uid="search-product-saved")
    post_delete.connect(_product_deleted, sender=Product, dispatch_uid="search-product-deleted")
    for part in (ProductCategory, ProductImage, ProductAttributeValue):
        post_save.connect(_product_part_changed, sender=part, dispatch_uid=f"search-{part.__name__}-saved")
        post_delete.connect(_product_part_changed, sender=part, dispatch_uid=f"search-{part.__name__}-deleted")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search-category-saved")
    pre_delete.connect(_category_changed, sender=Category, dispatch_uid="search-category-deleted")
    post_save.connect(_product_class_changed, sender=ProductClass, dispatch_uid="search-product-class-saved")
    for vocabulary in (Sector, ImpactArea, Label, Region, Network):
        post_save.connect(_labels_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-labels")
        post_delete.connect(_labels_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-gone")
        post_save.connect(_vocabulary_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-saved")
        pre_delete.connect(_vocabulary_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-deleted")
