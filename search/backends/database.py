"""The embedded search backend: the index lives in the project's own database
(search.models plus a full-text table), facet counts are GROUP BY queries.

A query costs at most three SQL statements whatever the page size and the number
of selected facets: the index version, one UNION of GROUP BY aggregates for the
total and every facet's counts, and the page of ids. Each facet's counts apply
every selection but its own, so they depend on (text, other selections, facet)
only: they are cached under that key and the index version, and a later query
that needs the same counts (the unfiltered ones, a facet's own list while it is
the only selection…) skips them."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL

from ..interface import BackendResult, ProductQuery, SearchQuery, SupplierQuery, words
from ..models import IndexState, ProductEntry, ProductFacetEntry, SupplierEntry, SupplierFacetEntry
from . import fulltext

EVERYTHING = "_all"  # a facet row every entry has: counting it gives the total
COUNTS_CACHE_SECONDS = 300


@dataclass(frozen=True)
class Tables:
    """Where one index lives: its entries, their facet rows and full text."""

    name: str  # the index (SearchQuery.index), its IndexState row and cache prefix
    entry: type
    facet_entry: type
    key: str  # the entries' primary key column
    fulltext_table: str
    facets: tuple
    orders: dict  # sort -> ORM ordering; "relevance" ranks, then orders by the first field
    tiebreak: str  # the column relevance ties are ordered by

    @property
    def facet_table(self):
        return self.facet_entry._meta.db_table


SUPPLIERS = Tables(
    name="suppliers",
    entry=SupplierEntry,
    facet_entry=SupplierFacetEntry,
    key="supplier_id",
    fulltext_table=fulltext.TABLE,
    facets=SupplierQuery.facet_names(),
    orders={"name": ("name_sort", "supplier_id"), "newest": ("-created", "supplier_id")},
    tiebreak="name_sort",
)
PRODUCTS = Tables(
    name="products",
    entry=ProductEntry,
    facet_entry=ProductFacetEntry,
    key="product_id",
    fulltext_table=fulltext.PRODUCT_TABLE,
    facets=ProductQuery.facet_names(),
    orders={
        "title": ("title_sort", "product_id"),
        "newest": ("-created", "product_id"),
        # Products without a price (on quote only) come last either way.
        "price": (F("price").asc(nulls_last=True), "product_id"),
        "price_desc": (F("price").desc(nulls_last=True), "product_id"),
    },
    tiebreak="title_sort",
)
INDEXES = {tables.name: tables for tables in (SUPPLIERS, PRODUCTS)}


class DatabaseBackend:
    name = "database"

    def __init__(self, index: str = "suppliers"):
        self.tables = INDEXES[index]

    # Reads -----------------------------------------------------------------

    def search(self, query: SearchQuery) -> BackendResult:
        text = fulltext.for_connection(table=self.tables.fulltext_table)
        active = query.active_filters()
        ranges = query.ranges()
        version = IndexState.objects.filter(name=self.tables.name).values_list("version", flat=True).first() or 0
        wanted = {facet: query.without(facet) for facet in self.tables.facets} | {EVERYTHING: active}
        keys = {
            facet: self._cache_key(version, query.terms, ranges, filters, facet) for facet, filters in wanted.items()
        }
        cached = cache.get_many(keys.values())
        counts = {facet: cached[key] for facet, key in keys.items() if key in cached}

        missing = defaultdict(list)  # facets counted over the same entries go in one GROUP BY
        for facet, filters in wanted.items():
            if facet not in counts:
                missing[tuple(sorted(filters.items()))].append(facet)
        if missing:
            fresh = self._count(query.terms, ranges, missing, text)
            counts.update(fresh)
            cache.set_many({keys[facet]: fresh[facet] for facet in fresh}, COUNTS_CACHE_SECONDS)
        total = counts.pop(EVERYTHING).get("1", 0)

        ids = self._page(query, active, ranges, text) if total > query.offset else []
        return BackendResult(ids=ids, total=total, counts=counts, backend=self.name)

    def _cache_key(self, version, terms, ranges, filters, facet):
        described = repr((terms, sorted(ranges.items()), sorted(filters.items()), facet))
        return f"search:{self.tables.name}:counts:{version}:{hashlib.sha1(described.encode()).hexdigest()}"

    def _count(self, terms, ranges, groups, text) -> dict:
        """One statement: per group of facets, a GROUP BY over the entries its filters leave."""
        parts, params = [], []
        facet_table, key = self.tables.facet_table, self.tables.key
        for filters, facets in groups.items():
            entries_sql, entries_params = self._entries_sql(terms, ranges, dict(filters), text)
            placeholders = ", ".join(["%s"] * len(facets))
            if entries_sql is None:  # everything: scan the facet rows themselves
                parts.append(
                    f"SELECT facet, value, COUNT(*) FROM {facet_table} WHERE facet IN ({placeholders}) "
                    "GROUP BY facet, value"
                )
            else:  # a subset: start from its entries and look their facet rows up
                parts.append(
                    f"SELECT f.facet, f.value, COUNT(*) FROM ({entries_sql}) r {self._join()} {facet_table} f "
                    f"ON f.entry_id = r.{key} WHERE f.facet IN ({placeholders}) GROUP BY f.facet, f.value"
                )
            params += [*entries_params, *facets]
        counts = {facet: {} for facets in groups.values() for facet in facets}
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for facet, value, n in cursor.fetchall():
                counts[facet][value] = n
        return counts

    @staticmethod
    def _join():
        # SQLite keeps the written order with CROSS JOIN: the (smaller) entry set
        # drives, each entry's facet rows come from the (entry, facet, value) index.
        return "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"

    def _entries_sql(self, terms, ranges, filters, text):
        if not terms and not filters and not ranges:
            return None, []
        entries = self.tables.entry.objects.filter(**ranges)
        if terms:
            sql, params = text.matching_ids_sql(terms)
            entries = entries.filter(pk__in=RawSQL(sql, params))
        return self._restricted(entries, filters).values(self.tables.key).query.sql_with_params()

    def _restricted(self, entries, filters):
        for facet, values in filters.items():
            matching = self.tables.facet_entry.objects.filter(facet=facet, value__in=values).values("entry_id")
            entries = entries.filter(pk__in=matching)
        return entries

    def _page(self, query, active, ranges, text):
        window = slice(query.offset, query.offset + query.page_size)
        results = self._restricted(self.tables.entry.objects.filter(**ranges), active)
        if query.terms and query.effective_sort == "relevance":
            return self._page_by_relevance(query, results, text)
        if query.terms:
            sql, params = text.matching_ids_sql(query.terms)
            results = results.filter(pk__in=RawSQL(sql, params))
        order = self.tables.orders.get(query.effective_sort) or next(iter(self.tables.orders.values()))
        return list(results.order_by(*order).values_list(self.tables.key, flat=True)[window])

    def _page_by_relevance(self, query, results, text):
        """Rank the matching entries once (not one full-text lookup per row),
        then keep those the filters allow."""
        ranked_sql, params = text.ranked_sql(query.terms)
        table, key, tiebreak = self.tables.entry._meta.db_table, self.tables.key, self.tables.tiebreak
        sql = f"SELECT e.{key} FROM {table} e JOIN ({ranked_sql}) r ON r.id = e.{key}"
        if query.active_filters() or query.ranges():
            filtered_sql, filtered_params = results.values(key).query.sql_with_params()
            sql += f" WHERE e.{key} IN ({filtered_sql})"
            params = [*params, *filtered_params]
        sql += f" ORDER BY r.rank, e.{tiebreak}, e.{key} LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, query.page_size, query.offset])
            return [row[0] for row in cursor.fetchall()]

    # Writes ----------------------------------------------------------------

    def _changed(self):
        """Every write moves the index version on: cached counts of older versions are never read again."""
        if not IndexState.objects.filter(name=self.tables.name).update(version=F("version") + 1):
            IndexState.objects.create(name=self.tables.name, version=1)

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
            for facet, values in [*doc.facets.items(), (EVERYTHING, ["1"])]
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
