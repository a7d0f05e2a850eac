"""The one place that watches model changes for search: every change that alters
a supplier's search document schedules that supplier for reindexing after
commit (search.services.suppliers_reindex_later). Nothing else happens here."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.core.loading import get_model

from marketplace.organisations.models import ImpactArea, Label, Network, NetworkMembership, Region, Sector, Supplier

from .services import facet_vocabulary_forget, suppliers_reindex_later

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _supplier_changed(sender, instance, **kwargs):
    suppliers_reindex_later([instance.pk])


def _relations_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # supplier.sectors.set(...)
        if action.startswith("post_"):
            suppliers_reindex_later([instance.pk])
    elif action == "pre_clear":  # sector.suppliers.clear()
        suppliers_reindex_later(instance.suppliers.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):  # sector.suppliers.add(...)
        suppliers_reindex_later(pk_set)


def _membership_changed(sender, instance, **kwargs):
    suppliers_reindex_later([instance.supplier_id])


def _stock_changed(sender, instance, **kwargs):
    suppliers_reindex_later(Supplier.objects.filter(partner_id=instance.partner_id).values_list("pk", flat=True))


def _product_changed(sender, instance, **kwargs):
    sellers = Supplier.objects.filter(partner__stockrecords__product__in=[instance.pk, *instance.children.all()])
    suppliers_reindex_later(sellers.values_list("pk", flat=True))


def _vocabulary_changed(sender, instance, **kwargs):
    """A renamed or deleted sector, impact area, label or region, or a network
    whose slug changed: its suppliers' text and facet values."""
    if sender is Sector:
        suppliers = Supplier.objects.filter(sectors__in=[instance.pk, *instance.children.all()])
    elif sender is Network:
        suppliers = instance.members.all()
    else:
        suppliers = instance.suppliers.all()
    suppliers_reindex_later(suppliers.values_list("pk", flat=True))


def _labels_changed(sender, **kwargs):
    facet_vocabulary_forget()


def connect():
    post_save.connect(_supplier_changed, sender=Supplier, dispatch_uid="search-supplier-saved")
    post_delete.connect(_supplier_changed, sender=Supplier, dispatch_uid="search-supplier-deleted")
    for relation in (Supplier.sectors, Supplier.impact_areas, Supplier.labels):
        m2m_changed.connect(_relations_changed, sender=relation.through, dispatch_uid=f"search-{relation.field.name}")
    post_save.connect(_membership_changed, sender=NetworkMembership, dispatch_uid="search-network-joined")
    post_delete.connect(_membership_changed, sender=NetworkMembership, dispatch_uid="search-network-left")
    post_save.connect(_stock_changed, sender=StockRecord, dispatch_uid="search-stock-saved")
    post_delete.connect(_stock_changed, sender=StockRecord, dispatch_uid="search-stock-deleted")
    post_save.connect(_product_changed, sender=Product, dispatch_uid="search-product-saved")
    for vocabulary in (Sector, ImpactArea, Label, Region, Network):
        post_save.connect(_labels_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-labels")
        post_delete.connect(_labels_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-gone")
        post_save.connect(_vocabulary_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-saved")
        pre_delete.connect(_vocabulary_changed, sender=vocabulary, dispatch_uid=f"search-{vocabulary.__name__}-deleted")
