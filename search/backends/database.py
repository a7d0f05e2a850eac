"""The embedded search backend: the index lives in the project's own database
(search.models plus a full-text table); facet counts and pages are computed on
bitmaps of it held in memory (bitmaps.py), reloaded after each write.

A query costs at most three SQL statements whatever the page size and the
number of selected facets: the index stamp and, with text, the full-text match
and the relevance scores, as the snapshot does not remember them yet."""

import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F

from ..interface import BackendResult, ProductQuery, SearchQuery, SupplierQuery, words
from ..models import IndexState, ProductEntry, ProductFacetEntry, SupplierEntry, SupplierFacetEntry
from . import bitmaps, fulltext

# Up to this many hits, a relevance page scores only the hits, not every match of the text.
RANK_AMONG = 4000
# A first relevance page of a text ranks its 2 × (offset + page size) + TIES best matches only.
TIES = 100


def _rows(statement) -> list:
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _ids(statement) -> map:
    """The ids a statement selects as one comma-separated text."""
    ((ids,),) = _rows(statement)
    return map(int, ids.split(",")) if ids else map(int, ())


@dataclass(frozen=True)
class Tables:
    """Where one index lives: its entries, their facet rows and full text."""

    name: str  # the index (SearchQuery.index) and its IndexState row
    entry: type
    facet_entry: type
    fulltext_table: str
    facets: tuple
    orders: dict  # sort -> ORM ordering of the entries
    default_sort: str  # without text; relevance ties are ordered by it too


SUPPLIERS = Tables(
    name="suppliers",
    entry=SupplierEntry,
    facet_entry=SupplierFacetEntry,
    fulltext_table=fulltext.TABLE,
    facets=SupplierQuery.facet_names(),
    orders={"name": ("name_sort", "supplier_id"), "newest": ("-created", "supplier_id")},
    default_sort="name",
)
PRODUCTS = Tables(
    name="products",
    entry=ProductEntry,
    facet_entry=ProductFacetEntry,
    fulltext_table=fulltext.PRODUCT_TABLE,
    facets=ProductQuery.facet_names(),
    orders={
        "title": ("title_sort", "product_id"),
        "newest": ("-created", "product_id"),
        # Products without a price (on quote only) come last either way.
        "price": (F("price").asc(nulls_last=True), "product_id"),
        "price_desc": (F("price").desc(nulls_last=True), "product_id"),
    },
    default_sort="title",
)
INDEXES = {tables.name: tables for tables in (SUPPLIERS, PRODUCTS)}


class DatabaseBackend:
    name = "database"

    def __init__(self, index: str = "suppliers"):
        self.tables = INDEXES[index]

    # Reads -----------------------------------------------------------------

    def search(self, query: SearchQuery) -> BackendResult:
        stamp = IndexState.objects.filter(name=self.tables.name).values_list("stamp", flat=True).first() or ""
        index = bitmaps.snapshot(self.tables, stamp)
        terms = tuple(query.terms)
        text = fulltext.for_connection(table=self.tables.fulltext_table) if terms else None
        relevance = query.effective_sort == "relevance"
        ranges = query.ranges()
        selected = {facet: index.selected(facet, values) for facet, values in query.active_filters().items()}
        common = index.everything  # what the text and the ranges leave
        found = None
        if text:
            found = index.texts.get(terms) or index.matching(terms, _ids(text.matching_ids_sql(terms)))
            common &= found.bits
        if ranges:
            common &= index.in_ranges(ranges)
        counts = {}
        for facet in self.tables.facets:
            # A facet's counts apply every selection but its own.
            bits = common
            for other, mask in selected.items():
                if other != facet:
                    bits &= mask
            counts[facet] = index.counts(bits, facet)
        hits = common
        for mask in selected.values():
            hits &= mask
        total = hits.bit_count()
        if total <= query.offset:
            ids = []
        elif text and relevance:
            ids = self._ranked_page(index, text, terms, found, hits, total, query)
        else:
            sort = query.effective_sort if query.effective_sort in index.orders else self.tables.default_sort
            ids = index.page(hits, total, sort, query.offset, query.page_size)
        return BackendResult(ids=ids, total=total, counts=counts, backend=self.name)

    def _ranked_page(self, index, text, terms, found, hits, total, query) -> list:
        """The page of hits by relevance. Few hits among many matches: score the
        hits only. Every match a hit: rank the best matches, enough for the page
        unless ties run on. Else, or when that was not enough: rank every match.
        The snapshot remembers the ranking for the text's next pages and facet clicks."""
        tiebreak, offset, size = self.tables.default_sort, query.offset, query.page_size
        if not found.complete and total < found.count and total <= RANK_AMONG:
            scored = _rows(text.ranked_among_sql(terms, index.ids_of(hits)))
            return index.page_ranked(hits, scored, tiebreak, offset, size)
        best = 2 * (offset + size) + TIES
        if found.scores is None and total == found.count and best < found.count:
            found = index.ranked(terms, found, _rows(text.ranked_sql(terms, best)), best, text.limit_keeps_ties)
        page = None if found.scores is None else index.page_by_score(hits, total, found, tiebreak, offset, size)
        if page is None:
            found = index.ranked(terms, found, _rows(text.ranked_sql(terms)))
            page = index.page_by_score(hits, total, found, tiebreak, offset, size)
        return page

    # Writes ----------------------------------------------------------------

    def _changed(self):
        """Every write moves the index version on and draws a new stamp: snapshots
        of older stamps (bitmaps.py) are never read again, even if this write is
        rolled back and the next one reaches the same version."""
        stamp = uuid.uuid4().hex
        if not IndexState.objects.filter(name=self.tables.name).update(version=F("version") + 1, stamp=stamp):
            IndexState.objects.create(name=self.tables.name, version=1, stamp=stamp)

    @transaction.atomic
    def index(self, documents) -> int:
        documents = list(documents)
        self._changed()
        entry, facet_entry = self.tables.entry, self.tables.facet_entry
        entry.objects.filter(pk__in=[doc.id for doc in documents]).delete()
        entry.objects.bulk_create(entry(pk=doc.id, **doc.entry_fields()) for doc in documents)
        facet_entry.objects.bulk_create(
            facet_entry(entry_id=doc.id, facet=facet, value=value)
            for doc in documents
            for facet, values in doc.facets.items()
            for value in values
        )
        with connection.cursor() as cursor:
            fulltext.for_connection(table=self.tables.fulltext_table).replace(
                cursor, [(doc.id, " ".join(words(doc.name)), " ".join(words(doc.body))) for doc in documents]
            )
        return len(documents)

    @transaction.atomic
    def remove(self, ids) -> None:
        ids = list(ids)
        self._changed()
        self.tables.entry.objects.filter(pk__in=ids).delete()
        with connection.cursor() as cursor:
            fulltext.for_connection(table=self.tables.fulltext_table).delete(cursor, ids)

    def rebuild(self, batches, progress=None) -> int:
        """Replace the whole index. Runs in one transaction, so searches see
        the old index until the new one is complete."""
        total = 0
        with transaction.atomic():
            self._changed()
            self.tables.entry.objects.all().delete()
            with connection.cursor() as cursor:
                fulltext.for_connection(table=self.tables.fulltext_table).clear(cursor)
            for batch in batches:
                total += self.index(batch)
                if progress:
                    progress(len(batch))
        with connection.cursor() as cursor:  # fresh statistics, so the planner knows the new sizes
            for model in (self.tables.entry, self.tables.facet_entry):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return total
