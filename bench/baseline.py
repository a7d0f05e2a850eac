"""The naive baseline: a supplier directory the way directory sites usually
build it with the ORM, with no search index.

- text: every word of the query must occur (`icontains`) in the name, the
  description, the impact statement, the town, the region, a sector or parent
  sector name or a product title, through joins, then `distinct()`;
- facets: joins (`sectors__slug__in`, parents included for a parent sector, …);
- the page: `order_by` and slicing, loading the suppliers as the page shows them;
- facet counts: ONE COUNT query per value of every facet, applying the other
  facets' filters but not its own (the same disjunctive semantics as search/).

It answers the same question as search.backends.database, in the same shape
(page ids, total, counts), so the benchmark can check that both agree. They
differ only in text matching: `icontains` matches inside words and is
accent-sensitive (and, on SQLite, case-sensitive beyond ASCII); the backend
matches word prefixes ignoring case and accents."""

from django.db.models import Exists, OuterRef, Q
from oscar.core.loading import get_model

from marketplace.organisations.models import ImpactArea, Label, Network, Region, Sector, Supplier
from search.documents import CHARTER_PREFIX
from search.interface import FACET_NAMES, BackendResult, SupplierQuery

StockRecord = get_model("partner", "StockRecord")


def baseline_search(query: SupplierQuery) -> BackendResult:
    base = Supplier.objects.filter(verified=True)
    for word in query.text.split():
        base = base.filter(_text_q(word))
    results = _restricted(base, query.active_filters()).distinct()

    total = results.count()
    ordered = results.order_by(*_ordering(query)).with_public_relations()
    page = list(ordered[query.offset : query.offset + query.page_size])

    counts = {}
    for facet, values in facet_values().items():
        scope = _restricted(base, query.without(facet))
        counts[facet] = {}
        for value in values:
            n = scope.filter(_facet_q(facet, [value])).distinct().count()
            if n:
                counts[facet][value] = n
    return BackendResult(ids=[s.pk for s in page], total=total, counts=counts, backend="baseline")


def facet_values() -> dict:
    """Every value the sidebar offers, read from the vocabulary tables on each request."""
    networks = list(Network.objects.values_list("slug", flat=True))
    return {
        "sector": list(Sector.objects.values_list("slug", flat=True)),
        "country": list(Supplier.objects.filter(verified=True).order_by().values_list("country", flat=True).distinct()),
        "region": list(Region.objects.values_list("slug", flat=True)),
        "impact": list(ImpactArea.objects.values_list("slug", flat=True)),
        "label": list(Label.objects.values_list("slug", flat=True)) + [CHARTER_PREFIX + n for n in networks],
        "legal_form": list(Supplier.LegalForm.values),
        "network": networks,
        "sells_online": ["yes", "no"],
    }


def _text_q(word: str) -> Q:
    return (
        Q(name__icontains=word)
        | Q(description__icontains=word)
        | Q(impact_statement__icontains=word)
        | Q(city__icontains=word)
        | Q(region__name__icontains=word)
        | Q(sectors__name__icontains=word)
        | Q(sectors__parent__name__icontains=word)
        | Q(partner__stockrecords__product__title__icontains=word)
    )


def _restricted(suppliers, filters: dict):
    for facet, values in filters.items():
        suppliers = suppliers.filter(_facet_q(facet, values))
    return suppliers


def _facet_q(facet: str, values) -> Q:
    values = list(values)
    if facet == "sector":
        return Q(sectors__slug__in=values) | Q(sectors__parent__slug__in=values)
    if facet == "country":
        return Q(country__in=values)
    if facet == "region":
        return Q(region__slug__in=values)
    if facet == "impact":
        return Q(impact_areas__slug__in=values)
    if facet == "label":
        charters = [v.removeprefix(CHARTER_PREFIX) for v in values if v.startswith(CHARTER_PREFIX)]
        return Q(labels__slug__in=values) | Q(
            network_memberships__network__slug__in=charters, network_memberships__charter_signed_on__isnull=False
        )
    if facet == "legal_form":
        return Q(legal_form__in=values)
    if facet == "network":
        return Q(network_memberships__network__slug__in=values)
    if facet == "sells_online":
        sells = Exists(StockRecord.objects.filter(partner_id=OuterRef("partner_id"), product__is_public=True))
        if set(values) >= {"yes", "no"}:
            return Q()
        return Q(sells) if "yes" in values else ~Q(sells)
    raise ValueError(f"Unknown facet {facet!r}; facets are {', '.join(FACET_NAMES)}.")


def _ordering(query: SupplierQuery) -> list[str]:
    """No ranking without an index: text results come by name, like the rest."""
    if query.effective_sort == "newest":
        return ["-verified_at", "pk"]
    return ["name", "pk"]
