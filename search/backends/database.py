"""The embedded search backend: the index lives in the project's own database
(search.models plus a full-text table); facet counts and pages are computed on
bitmaps of it held in memory (bitmaps.py), patched after each write.

A query costs one SQL statement whatever the page size and the number of
selected facets, the index stamp; with text, one more for each word of it the
snapshot does not remember yet (its full-text matches) or remembers from before
a write (the changed entries' matches). The page's cards are
search.selectors' one more."""

import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F

from ..interface import BackendResult, SearchQuery, words
from ..models import IndexChange, IndexState, ProductEntry, ProductFacetEntry, SupplierEntry, SupplierFacetEntry
from . import bitmaps, fulltext


def _rows(statement) -> list:
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Tables:
    """Where one index lives: its entries, their facet rows and full text."""

    name: str  # the index (SearchQuery.index) and its IndexState row
    entry: type
    name_sort: str  # the entry's folded name: relevance prefers short names
    facet_entry: type
    fulltext_table: str
    orders: dict  # sort -> ORM ordering of the entries
    default_sort: str  # without text; relevance ties are ordered by it too


SUPPLIERS = Tables(
    name="suppliers",
    entry=SupplierEntry,
    name_sort="name_sort",
    facet_entry=SupplierFacetEntry,
    fulltext_table=fulltext.TABLE,
    orders={"name": ("name_sort", "supplier_id"), "newest": ("-created", "supplier_id")},
    default_sort="name",
)
PRODUCTS = Tables(
    name="products",
    entry=ProductEntry,
    name_sort="title_sort",
    facet_entry=ProductFacetEntry,
    fulltext_table=fulltext.PRODUCT_TABLE,
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
        version, stamp = IndexState.objects.filter(name=self.tables.name).values_list("version", "stamp").first() or (
            0,
            "",
        )
        index = bitmaps.snapshot(self.tables, version, stamp)
        terms = tuple(query.terms)
        text = fulltext.for_connection(table=self.tables.fulltext_table)
        relevance = query.effective_sort == "relevance"
        ranges = query.ranges()
        selected = {facet: index.selected(facet, values) for facet, values in query.active_filters().items()}
        common = index.everything  # what the text and the ranges leave
        in_name = []  # per word of the text, the entries with it in their name
        for term in terms:
            found = index.words.get(term)
            if found is None:
                found = index.word_matched(term, *_rows(text.term_sql(term))[0])
            elif found.changed:  # remembered before a write: only the entries it changed are asked about
                found = index.word_fixed(term, found, *_rows(text.term_sql(term, among=sorted(found.changed)))[0])
            common &= found.anywhere
            in_name.append(found.in_name)
        if ranges:
            common &= index.in_ranges(ranges)
        near = getattr(query, "near", None)
        distances = index.near(near) if near else {}
        if near:
            common &= bitmaps.bits_of(distances, index.size)
        counts = {}
        for facet in query.facet_names():
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
        elif near and query.effective_sort == "distance":
            ids = index.page_by_distance(hits, distances, self.tables.default_sort, query.offset, query.page_size)
        elif terms and relevance:
            ids = index.page_by_relevance(hits, in_name, self.tables.default_sort, query.offset, query.page_size)
        else:
            sort = query.effective_sort if query.effective_sort in index.orders else self.tables.default_sort
            ids = index.page(hits, total, sort, query.offset, query.page_size)
        return BackendResult(ids=ids, total=total, counts=counts, backend=self.name)

    # Writes ----------------------------------------------------------------

    def _changed(self, ids):
        """Every write moves the index version on, draws a new stamp and says which
        entries it changed (None: all of them, a rebuild), so snapshots elsewhere
        patch themselves (bitmaps.py). A snapshot of a write rolled back never
        matches a committed change's stamp, even when the next write reaches the
        same version: it is reloaded."""
        name, stamp = self.tables.name, uuid.uuid4().hex
        with connection.cursor() as cursor:  # RETURNING: one statement, where update() and a read were two
            cursor.execute(
                f"UPDATE {IndexState._meta.db_table} SET version = version + 1, stamp = %s WHERE name = %s "
                "RETURNING version",
                [stamp, name],
            )
            row = cursor.fetchone()
        if row is None:
            IndexState.objects.create(name=name, version=1, stamp=stamp)
        version = row[0] if row else 1
        IndexChange.objects.create(index=name, version=version, stamp=stamp, entries=ids)
        if version % 100 == 0:  # now and then, forget what snapshots further behind would not patch anyway
            IndexChange.objects.filter(index=name, version__lte=version - bitmaps.CHANGES_KEPT).delete()

    @transaction.atomic
    def index(self, documents) -> int:
        documents = list(documents)
        if documents:
            self._changed(sorted(doc.id for doc in documents))
            self._write(documents)
        return len(documents)

    def _write(self, documents) -> None:
        entry, facet_entry = self.tables.entry, self.tables.facet_entry
        self._delete([doc.id for doc in documents])
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

    @transaction.atomic
    def remove(self, ids) -> None:
        ids = sorted(ids)
        if not ids:
            return
        self._changed(ids)
        self._delete(ids)
        with connection.cursor() as cursor:
            fulltext.for_connection(table=self.tables.fulltext_table).delete(cursor, ids)

    def _delete(self, ids) -> None:
        """Delete the entries and their facet values in two statements. QuerySet.delete() would load
        them first to send signals (the content cache listens to every model's), a few ms a write."""
        tables, quote = self.tables, connection.ops.quote_name
        with connection.cursor() as cursor:
            for model, column in ((tables.facet_entry, "entry_id"), (tables.entry, tables.entry._meta.pk.column)):
                for start in range(0, len(ids), 500):  # SQLite's limit on parameters
                    chunk = ids[start : start + 500]
                    cursor.execute(
                        f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(column)} "
                        f"IN ({', '.join(['%s'] * len(chunk))})",
                        chunk,
                    )

    def rebuild(self, batches, progress=None) -> int:
        """Replace the whole index. Runs in one transaction, so searches see
        the old index until the new one is complete."""
        total = 0
        with transaction.atomic():
            self._changed(None)
            with connection.cursor() as cursor:  # not QuerySet.delete(): it would load every entry first
                for model in (self.tables.facet_entry, self.tables.entry):
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
                fulltext.for_connection(table=self.tables.fulltext_table).clear(cursor)
            for batch in batches:
                self._write(batch)
                total += len(batch)
                if progress:
                    progress(len(batch))
        with connection.cursor() as cursor:  # fresh statistics, so the planner knows the new sizes
            for model in (self.tables.entry, self.tables.facet_entry):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return total
