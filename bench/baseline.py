"""The naive baselines: a supplier directory (and, at the end, a product list:
`baseline_product_search`) the way sites usually build them with the ORM, with
no search index.

- text: every word of the query must occur (`icontains`) in the name, the
  description, the impact statement, the town, the region, a sector or parent
  sector name or a product title, through joins, then `distinct()`;
- facets: joins (`sectors__slug__in`, parents included for a parent sector, …);
- the page: `order_by` and slicing, loading the suppliers as the page shows them;
- facet counts: ONE COUNT query per value of every facet, applying the other
  facets' filters but not its own (the same disjunctive semantics as search/);
- within N km of a place: the haversine distance to every verified supplier, in Python.

It answers the same question as search.backends.database, in the same shape
(page ids, total, counts), so the benchmark can check that both agree. They
differ only in text matching: `icontains` matches inside words and is
accent-sensitive (and, on SQLite, case-sensitive beyond ASCII); the backend
matches word prefixes ignoring case and accents."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.organisations.models import ImpactArea, Label, Network, Region, Sector, ServedArea, Supplier
from marketplace.verification.reserved import RULES as RESERVED_RULES
from marketplace.verification.selectors import suppliers_eligible
from search.facets import CHARTER_PREFIX
from search.geo import haversine_km
from search.interface import FACET_NAMES, BackendResult, SupplierQuery

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


def baseline_search(query: SupplierQuery) -> BackendResult:
    base = Supplier.objects.filter(verified=True)
    if query.near is not None:
        base = base.filter(pk__in=_within(query.near))
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


def _within(near) -> list[int]:
    """The distance filter the naive way: every verified supplier's coordinates loaded, the
    haversine distance to each computed in Python."""
    located = Supplier.objects.filter(verified=True, latitude__isnull=False, longitude__isnull=False)
    return [
        pk
        for pk, latitude, longitude in located.values_list("pk", "latitude", "longitude")
        if haversine_km(near.latitude, near.longitude, latitude, longitude) <= near.km
    ]


def facet_values() -> dict:
    """Every value the sidebar offers, read from the vocabulary tables on each request."""
    networks = list(Network.objects.values_list("slug", flat=True))
    return {
        "sector": list(Sector.objects.values_list("slug", flat=True)),
        "country": list(Supplier.objects.filter(verified=True).order_by().values_list("country", flat=True).distinct()),
        "region": list(Region.objects.values_list("slug", flat=True)),
        "serves": list(ServedArea.objects.order_by().values_list("country", flat=True).distinct())
        + list(Region.objects.values_list("slug", flat=True)),
        "impact": list(ImpactArea.objects.values_list("slug", flat=True)),
        "label": list(Label.objects.values_list("slug", flat=True)) + [CHARTER_PREFIX + n for n in networks],
        "legal_form": list(Supplier.LegalForm.values),
        "network": networks,
        "sells_online": ["yes", "no"],
        "reserved": [rule.country for rule in RESERVED_RULES],
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
    if facet == "serves":  # country codes: anywhere in them; region slugs: the region or its whole country
        return (
            Q(served_areas__country__in=values)
            | Q(served_areas__region__slug__in=values)
            | Q(
                served_areas__region__isnull=True,
                served_areas__country__in=Region.objects.filter(slug__in=values).values("country"),
            )
        )
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
    if facet == "reserved":  # eligible in any of the countries, from its claims in force today
        today = timezone.localdate()
        eligible = Supplier.objects.none()
        for country in values:
            eligible = eligible | suppliers_eligible(Supplier.objects.all(), country, today)
        return Q(pk__in=eligible.values("pk"))
    raise ValueError(f"Unknown facet {facet!r}; facets are {', '.join(FACET_NAMES)}.")


def _ordering(query: SupplierQuery) -> list[str]:
    """No ranking without an index: text results come by name, like the rest."""
    if query.effective_sort == "newest":
        return ["-verified_at", "pk"]
    return ["name", "pk"]


# Products --------------------------------------------------------------------------
#
# A shop's product list the way it is usually built on Oscar's models: the
# public products, joined through their stock record and partner to the
# supplier (verified only), `icontains` on title, description, category name and
# supplier name for each word, the price range on the stock record's price,
# category with its descendants (path prefix), then ONE COUNT per value of
# every facet. Every condition goes into one `filter()` call, so the joins are
# shared, and `distinct()` removes the duplicates of many-valued joins
# (impact areas, network memberships).

PRODUCT_FACETS = ("category", "kind", "country", "impact", "network", "in_stock")
SUPPLIER_OF_PRODUCT = "stockrecords__partner__supplier"
PRODUCT_ORDERING = {
    "price": ["stockrecords__price", "pk"],
    "price_desc": ["-stockrecords__price", "pk"],
    "newest": ["-date_created", "pk"],
    "title": ["title", "pk"],
    "relevance": ["title", "pk"],  # no ranking without an index
}


def baseline_product_search(query) -> BackendResult:
    """The same question as search.selectors.product_search (a ProductQuery) in
    the backend's shape: page ids, total, counts (value -> count, zeros left out)."""
    categories = _category_paths()
    results = _products(query, query.active_filters(), categories)
    total = results.count()
    ordering = PRODUCT_ORDERING.get(query.effective_sort, ["title", "pk"])
    page = list(results.order_by(*ordering).values_list("pk", flat=True)[query.offset : query.offset + query.page_size])
    counts = {}
    for facet, values in product_facet_values(categories).items():
        others = query.without(facet)
        counts[facet] = {}
        for value in values:
            n = _products(query, {**others, facet: [value]}, categories).count()
            if n:
                counts[facet][value] = n
    return BackendResult(ids=page, total=total, counts=counts, backend="baseline")


def product_facet_values(categories=None) -> dict:
    """Every value the shop's sidebar offers, read from the tables on each request."""
    categories = categories if categories is not None else _category_paths()
    return {
        "category": list(categories),
        "kind": list(ProductClass.objects.values_list("slug", flat=True)),
        "country": list(Supplier.objects.filter(verified=True).order_by().values_list("country", flat=True).distinct()),
        "impact": list(ImpactArea.objects.values_list("slug", flat=True)),
        "network": list(Network.objects.values_list("slug", flat=True)),
        "in_stock": ["yes", "no"],
    }


def _category_paths() -> dict:
    """Category full slug -> its treebeard path (a prefix of its descendants' paths)."""
    by_path = dict(Category.objects.values_list("path", "slug"))
    step = Category.steplen
    return {"/".join(by_path[path[:end]] for end in range(step, len(path) + 1, step)): path for path in sorted(by_path)}


def _products(query, filters: dict, categories: dict):
    conditions = [Q(is_public=True), Q(**{f"{SUPPLIER_OF_PRODUCT}__verified": True})]
    conditions += [_product_text_q(word) for word in query.text.split()]
    if getattr(query, "price_min", None) is not None:
        conditions.append(Q(stockrecords__price__gte=query.price_min))
    if getattr(query, "price_max", None) is not None:
        conditions.append(Q(stockrecords__price__lte=query.price_max))
    conditions += [_product_facet_q(facet, values, categories) for facet, values in filters.items()]
    return Product.objects.filter(*conditions).distinct()


def _product_text_q(word: str) -> Q:
    return (
        Q(title__icontains=word)
        | Q(description__icontains=word)
        | Q(categories__name__icontains=word)
        | Q(**{f"{SUPPLIER_OF_PRODUCT}__name__icontains": word})
    )


def _product_facet_q(facet: str, values, categories: dict) -> Q:
    values = list(values)
    if facet == "category":
        q = Q(pk__in=[])  # an unknown category matches nothing
        for value in values:
            if value in categories:
                q |= Q(categories__path__startswith=categories[value])
        return q
    if facet == "kind":
        return Q(product_class__slug__in=values)
    if facet == "country":
        return Q(**{f"{SUPPLIER_OF_PRODUCT}__country__in": values})
    if facet == "impact":
        return Q(**{f"{SUPPLIER_OF_PRODUCT}__impact_areas__slug__in": values})
    if facet == "network":
        return Q(**{f"{SUPPLIER_OF_PRODUCT}__network_memberships__network__slug__in": values})
    if facet == "in_stock":
        if set(values) >= {"yes", "no"}:
            return Q()
        in_stock = Q(stockrecords__num_in_stock__gt=0)
        return in_stock if "yes" in values else ~in_stock
    raise ValueError(f"Unknown product facet {facet!r}; facets are {', '.join(PRODUCT_FACETS)}.")
