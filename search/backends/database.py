"""The embedded search backend: the index lives in the project's own database
(search.models plus a full-text table), facet counts are GROUP BY queries.

A query costs two SQL statements whatever the page size and the number of
selected facets: one UNION of GROUP BY aggregates for the total and every facet's
counts (the facets without a selection all count the final result set; each
facet with a selection counts the set that every *other* selection leaves), and
one for the page of ids."""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.expressions import RawSQL

from ..interface import FACET_NAMES, BackendResult, SupplierQuery, words
from ..models import SupplierEntry, SupplierFacetEntry
from . import fulltext

EVERYTHING = "_all"  # a facet row every entry has: counting it gives the total


class DatabaseBackend:
    name = "database"

    # Reads -----------------------------------------------------------------

    def search(self, query: SupplierQuery) -> BackendResult:
        text = fulltext.for_connection()
        base = SupplierEntry.objects.all()
        if query.terms:
            sql, params = text.matching_ids_sql(query.terms)
            base = base.filter(supplier_id__in=RawSQL(sql, params))
        active = query.active_filters()
        results = self._restricted(base, active)

        # One statement for every count: the unselected facets and the total
        # (every entry has an EVERYTHING row) count the result set; each
        # selected facet counts what the other selections leave.
        groups = [self._counts(results, [*(f for f in FACET_NAMES if f not in active), EVERYTHING])]
        for facet in active:
            others = {name: values for name, values in active.items() if name != facet}
            groups.append(self._counts(self._restricted(base, others), [facet]))
        counts = defaultdict(dict)
        for facet, value, n in groups[0].union(*groups[1:], all=True) if len(groups) > 1 else groups[0]:
            counts[facet][value] = n
        total = counts.pop(EVERYTHING, {}).get("1", 0)

        ids = self._page(query, active, text) if total > query.offset else []
        return BackendResult(ids=ids, total=total, counts=dict(counts), backend=self.name)

    @staticmethod
    def _counts(entries, facets):
        return (
            SupplierFacetEntry.objects.filter(entry__in=entries.values("supplier_id"), facet__in=facets)
            .values_list("facet", "value")
            .annotate(n=Count("id"))
            .order_by()
        )

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

    @transaction.atomic
    def index(self, documents) -> int:
        documents = list(documents)
        ids = [doc.id for doc in documents]
        SupplierEntry.objects.filter(supplier_id__in=ids).delete()
        SupplierEntry.objects.bulk_create(
            SupplierEntry(supplier_id=doc.id, name_sort=doc.name_sort[:200], created=doc.created) for doc in documents
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
        SupplierEntry.objects.filter(supplier_id__in=ids).delete()
        with connection.cursor() as cursor:
            fulltext.for_connection().delete(cursor, ids)

    def rebuild(self, batches, progress=None) -> int:
        """Replace the whole index. Runs in one transaction, so searches see
        the old index until the new one is complete."""
        total = 0
        with transaction.atomic():
            SupplierEntry.objects.all().delete()
            with connection.cursor() as cursor:
                fulltext.for_connection().clear(cursor)
            for batch in batches:
                total += self.index(batch)
                if progress:
                    progress(len(batch))
        return total
