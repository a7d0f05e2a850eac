"""The embedded search backend: the index lives in the project's own database
(search.models plus a full-text table), facet counts are GROUP BY queries.

A query costs a fixed number of SQL statements whatever the page size: the page
of ids, the total, one aggregate for every facet without a selection (they all
count the final result set) and one per facet with a selection (each counts
the set that every *other* selection leaves)."""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.expressions import RawSQL

from ..interface import FACET_NAMES, BackendResult, SupplierQuery, words
from ..models import SupplierEntry, SupplierFacetEntry
from . import fulltext


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

        total = results.count()
        ids = list(self._ordered(results, query, text).values_list("supplier_id", flat=True)[
            query.offset : query.offset + query.page_size
        ])  # fmt: skip

        counts = defaultdict(dict)
        free = [facet for facet in FACET_NAMES if facet not in active]
        rows = (
            SupplierFacetEntry.objects.filter(entry__in=results.values("supplier_id"), facet__in=free)
            .values_list("facet", "value")
            .annotate(n=Count("id"))
            .order_by()
        )
        for facet, value, n in rows:
            counts[facet][value] = n
        for facet in active:
            others = {name: values for name, values in active.items() if name != facet}
            rows = (
                SupplierFacetEntry.objects.filter(
                    entry__in=self._restricted(base, others).values("supplier_id"), facet=facet
                )
                .values_list("value")
                .annotate(n=Count("id"))
                .order_by()
            )
            counts[facet] = dict(rows)
        return BackendResult(ids=ids, total=total, counts=dict(counts), backend=self.name)

    @staticmethod
    def _restricted(entries, filters):
        for facet, values in filters.items():
            matching = SupplierFacetEntry.objects.filter(facet=facet, value__in=values).values("entry_id")
            entries = entries.filter(supplier_id__in=matching)
        return entries

    @staticmethod
    def _ordered(results, query, text):
        sort = query.effective_sort
        if sort == "newest":
            return results.order_by("-created", "supplier_id")
        if sort == "relevance" and query.terms:
            sql, params = text.rank_sql(query.terms, f"{SupplierEntry._meta.db_table}.supplier_id")
            return results.annotate(rank=RawSQL(sql, params)).order_by("rank", "name_sort", "supplier_id")
        return results.order_by("name_sort", "supplier_id")

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
            for facet, values in doc.facets.items()
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
