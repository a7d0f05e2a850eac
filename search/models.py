"""The database backend's index: a flat copy of each verified supplier's
search document, kept in step with the suppliers after each commit.
Full text lives beside it in a vendor-specific table (see backends/fulltext.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupplierEntry(models.Model):
    supplier = models.OneToOneField(
        "organisations.Supplier", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    name_sort = models.CharField(max_length=200)
    created = models.DateTimeField()
    # What a result list shows (organisations.cards.SupplierCard), so that a page
    # of results is one query, without loading suppliers and their relations.
    card = models.JSONField(default=dict)
    # Where it is (none when it has not placed itself nor been geocoded): the distance filter.
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)

    class Meta:
        verbose_name = _("supplier search entry")
        verbose_name_plural = _("supplier search entries")
        indexes = [
            models.Index(fields=["name_sort", "supplier"], name="search_entry_name"),
            models.Index(fields=["-created", "supplier"], name="search_entry_newest"),
        ]

    def __str__(self):
        return self.name_sort


class SupplierFacetEntry(models.Model):
    """One facet value of one supplier: (country, LU), (sector, catering)…
    The database backend builds its bitmaps from these rows (backends/bitmaps.py)."""

    entry = models.ForeignKey(SupplierEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("supplier facet value")
        verbose_name_plural = _("supplier facet values")
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="search_facet_value"),
            models.Index(fields=["entry", "facet", "value"], name="search_facet_entry"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class IndexState(models.Model):
    """A counter bumped and a stamp drawn by every write to the database index,
    in the same transaction: in-memory snapshots of the index are keyed by the
    stamp, so no process ever serves counts from before a change."""

    name = models.CharField(max_length=32, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)
    stamp = models.CharField(max_length=32, blank=True)  # random, new with every write

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index states")

    def __str__(self):
        return f"{self.name} v{self.version}"


class IndexChange(models.Model):
    """What one write to the database index changed: the entries it replaced or
    removed, or none for a rebuild (everything). A process holding a snapshot of
    version n reads the changes after n and patches its bitmaps instead of
    reloading them (backends/bitmaps.py). The stamp tells that version n was
    committed as the snapshot saw it, not rolled back and written again."""

    index = models.CharField(max_length=32)
    version = models.PositiveBigIntegerField()
    stamp = models.CharField(max_length=32)
    entries = models.JSONField(null=True)  # ids; null: the whole index was replaced

    class Meta:
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")
        constraints = [models.UniqueConstraint(fields=["index", "version"], name="search_change_version")]

    def __str__(self):
        return f"{self.index} v{self.version}"


class ProductEntry(models.Model):
    """A product for sale in the search index: what the shop's result pages
    sort and filter on, and the card they show."""

    product = models.OneToOneField("catalogue.Product", primary_key=True, on_delete=models.CASCADE, related_name="+")
    title_sort = models.CharField(max_length=255)
    created = models.DateTimeField()
    # EUR excluding VAT; empty when the product has no price (on quote only).
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    card = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("product search entry")
        verbose_name_plural = _("product search entries")
        indexes = [
            models.Index(fields=["title_sort", "product"], name="search_product_title"),
            models.Index(fields=["-created", "product"], name="search_product_newest"),
            models.Index(fields=["price", "product"], name="search_product_price"),
        ]

    def __str__(self):
        return self.title_sort


class ProductFacetEntry(models.Model):
    """One facet value of one product: (category, food/catering), (kind, service)…"""

    entry = models.ForeignKey(ProductEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("product facet value")
        verbose_name_plural = _("product facet values")
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="search_pfacet_value"),
            models.Index(fields=["entry", "facet", "value"], name="search_pfacet_entry"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
