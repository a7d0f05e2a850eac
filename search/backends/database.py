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

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL

from ..interface import FACET_NAMES, BackendResult, SupplierQuery, words
from ..models import IndexState, SupplierEntry, SupplierFacetEntry
from . import fulltext

EVERYTHING = "_all"  # a facet row every entry has: counting it gives the total
COUNTS_CACHE_SECONDS = 300
FACETS = SupplierFacetEntry._meta.db_table


class DatabaseBackend:
    name = "database"

    # Reads -----------------------------------------------------------------

    def search(self, query: SupplierQuery) -> BackendResult:
        text = fulltext.for_connection()
        active = query.active_filters()
        version = IndexState.objects.filter(name="suppliers").values_list("version", flat=True).first() or 0
        wanted = {facet: query.without(facet) for facet in FACET_NAMES} | {EVERYTHING: active}
        keys = {facet: self._cache_key(version, query.terms, filters, facet) for facet, filters in wanted.items()}
        cached = cache.get_many(keys.values())
        counts = {facet: cached[key] for facet, key in keys.items() if key in cached}

        missing = defaultdict(list)  # facets counted over the same entries go in one GROUP BY
        for facet, filters in wanted.items():
            if facet not in counts:
                missing[tuple(sorted(filters.items()))].append(facet)
        if missing:
            fresh = self._count(query.terms, missing, text)
            counts.update(fresh)
            cache.set_many({keys[facet]: fresh[facet] for facet in fresh}, COUNTS_CACHE_SECONDS)
        total = counts.pop(EVERYTHING).get("1", 0)

        ids = self._page(query, active, text) if total > query.offset else []
        return BackendResult(ids=ids, total=total, counts=counts, backend=self.name)

    @staticmethod
    def _cache_key(version, terms, filters, facet):
        described = repr((terms, sorted(filters.items()), facet))
        return f"search:counts:{version}:{hashlib.sha1(described.encode()).hexdigest()}"

    def _count(self, terms, groups, text) -> dict:
        """One statement: per group of facets, a GROUP BY over the entries its filters leave."""
        parts, params = [], []
        for filters, facets in groups.items():
            entries_sql, entries_params = self._entries_sql(terms, dict(filters), text)
            placeholders = ", ".join(["%s"] * len(facets))
            if entries_sql is None:  # everything: scan the facet rows themselves
                parts.append(
                    f"SELECT facet, value, COUNT(*) FROM {FACETS} WHERE facet IN ({placeholders}) GROUP BY facet, value"
                )
            else:  # a subset: start from its entries and look their facet rows up
                parts.append(
                    f"SELECT f.facet, f.value, COUNT(*) FROM ({entries_sql}) r {self._join()} {FACETS} f "
                    f"ON f.entry_id = r.supplier_id WHERE f.facet IN ({placeholders}) GROUP BY f.facet, f.value"
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

    def _entries_sql(self, terms, filters, text):
        if not terms and not filters:
            return None, []
        entries = SupplierEntry.objects.all()
        if terms:
            sql, params = text.matching_ids_sql(terms)
            entries = entries.filter(supplier_id__in=RawSQL(sql, params))
        return self._restricted(entries, filters).values("supplier_id").query.sql_with_params()

    @staticmethod
    def _restricted(entries, filters):
        for facet, values in filters.items():
            matching = SupplierFacetEntry.objects.filter(facet=facet, value__in=values).values("entry_id")
            entries = entries.filter(supplier_id__in=matching)
        return entries

    def _page(self, query, active, text):
        window = slice(query.offset, query.offset + query.page_size)
        results = self._restricted(SupplierEntry.objects.all(), active)
        if query.terms and query.effective_sort == "relevance":
            return self._page_by_relevance(query, results, text)
        if query.terms:
            sql, params = text.matching_ids_sql(query.terms)
            results = results.filter(supplier_id__in=RawSQL(sql, params))
        order = ("-created", "supplier_id") if query.effective_sort == "newest" else ("name_sort", "supplier_id")
        return list(results.order_by(*order).values_list("supplier_id", flat=True)[window])

    @staticmethod
    def _page_by_relevance(query, results, text):
        """Rank the matching entries once (not one full-text lookup per row),
        then keep those the filters allow."""
        ranked_sql, params = text.ranked_sql(query.terms)
        table = SupplierEntry._meta.db_table
        sql = f"SELECT e.supplier_id FROM {table} e JOIN ({ranked_sql}) r ON r.id = e.supplier_id"
        if query.active_filters():
            filtered_sql, filtered_params = results.values("supplier_id").query.sql_with_params()
            sql += f" WHERE e.supplier_id IN ({filtered_sql})"
            params = [*params, *filtered_params]
        sql += " ORDER BY r.rank, e.name_sort, e.supplier_id LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, query.page_size, query.offset])
            return [row[0] for row in cursor.fetchall()]

    # Writes ----------------------------------------------------------------

    @staticmethod
    def _changed():
        """Every write moves the index version on: cached counts of older versions are never read again."""
        if not IndexState.objects.filter(name="suppliers").update(version=F("version") + 1):
            IndexState.objects.create(name="suppliers", version=1)

    @transaction.atomic
    def index(self, documents) -> int:
        documents = list(documents)
        self._changed()
        ids = [doc.id for doc in documents]
        SupplierEntry.objects.filter(supplier_id__in=ids).delete()
        SupplierEntry.objects.bulk_create(
            SupplierEntry(supplier_id=doc.id, name_sort=doc.name_sort[:200], created=doc.created, card=doc.card)
            for doc in documents
        )
        SupplierFacetEntry.objects.bulk_create(
            SupplierFacetEntry(entry_id=doc.id, facet=facet, value=value)
            for doc in documents
            for facet, values in [*doc.facets.items(), (EVERYTHING, ["1"])]
            for value in values
        )
        with connection.cursor() as cursor:
            fulltext.for_connection().replace(
                cursor, [(doc.id, " ".join(words(doc.name)), " ".join(words(doc.body))) for doc in documents]
            )
        return len(documents)

    @transaction.atomic
    def remove(self, ids) -> None:
        ids = list(ids)
        self._changed()
        SupplierEntry.objects.filter(supplier_id__in=ids).delete()
        with connection.cursor() as cursor:
            fulltext.for_connection().delete(cursor, ids)

    def rebuild(self, batches, progress=None) -> int:
        """Replace the whole index. Runs in one transaction, so searches see
        the old index until the new one is complete."""
        total = 0
        with transaction.atomic():
            self._changed()
            SupplierEntry.objects.all().delete()
            with connection.cursor() as cursor:
                fulltext.for_connection().clear(cursor)
            for batch in batches:
                total += self.index(batch)
                if progress:
                    progress(len(batch))
        with connection.cursor() as cursor:  # fresh statistics, so the planner knows the new sizes
            for model in (SupplierEntry, SupplierFacetEntry):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return total
