"""Reads through the search interface: the supplier directory page, its JSON
endpoint and the benchmark call `supplier_search`; the shop's pages, its JSON
endpoint and the benchmark call `product_search`."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Avg, Count
from django.utils.translation import get_language

from catalogue.cards import ProductCard
from marketplace.organisations.cards import SupplierCard
from marketplace.organisations.models import Supplier
from marketplace.organisations.selectors import MapMarker, map_markers

from . import backends
from .facets import vocabularies
from .interface import (
    FacetCount,
    ProductQuery,
    ProductSearchResults,
    SearchQuery,
    SupplierQuery,
    SupplierSearchResults,
    fold,
)
from .languages import localised
from .models import ProductEntry, SupplierEntry

VOCABULARY_CACHE_KEY = "search:facet-vocabulary"
PRODUCT_VOCABULARY_CACHE_KEY = "search:product-facet-vocabulary"
VOCABULARY_CACHE_SECONDS = 600


def facet_vocabulary() -> dict:
    """Every value a facet can take, with its label (and parent, for sectors):
    facet -> {value: (label, parent value)}. Unknown values are not in it.
    Cached per language; search.services.facet_vocabulary_forget clears it
    whenever a sector, region, impact area, label or network changes."""
    return _cached_per_language(VOCABULARY_CACHE_KEY, _load_vocabulary)


def _cached_per_language(key, load):
    key = f"{key}:{get_language()}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = load()
        cache.set(key, vocabulary, VOCABULARY_CACHE_SECONDS)
    return vocabulary


def _load_vocabulary() -> dict:
    return vocabularies(SupplierQuery.facets)


def product_facet_vocabulary() -> dict:
    """Like facet_vocabulary, for the product facets (categories by full slug)."""
    return _cached_per_language(PRODUCT_VOCABULARY_CACHE_KEY, _load_product_vocabulary)


def _load_product_vocabulary() -> dict:
    return vocabularies(ProductQuery.facets)


def unknown_values(query: SearchQuery, vocabulary: dict) -> list[tuple[str, str]]:
    return [
        (facet, value)
        for facet, values in query.active_filters().items()
        for value in values
        if value not in vocabulary[facet]
    ]


def supplier_search(query: SupplierQuery, *, vocabulary=None) -> SupplierSearchResults:
    vocabulary = vocabulary if vocabulary is not None else facet_vocabulary()
    return _search(query, vocabulary, SupplierSearchResults, SupplierEntry, SupplierCard)


def product_search(query: ProductQuery, *, vocabulary=None) -> ProductSearchResults:
    vocabulary = vocabulary if vocabulary is not None else product_facet_vocabulary()
    return _search(query, vocabulary, ProductSearchResults, ProductEntry, ProductCard)


def _search(query, vocabulary, results_class, entry_model, card_class):
    found = backends.search(query)
    # Cards come from the database index whichever backend found the ids: it is always kept.
    # They hold their texts in every language: each is shown in the reader's.
    cards = dict(entry_model.objects.filter(pk__in=found.ids).values_list("pk", "card"))
    language = get_language()
    return results_class(
        query=query,
        hits=[card_class.from_dict(localised(cards[pk], language)) for pk in found.ids if pk in cards],
        total=found.total,
        facets={
            facet.name: _facet_counts(
                query, facet.name, found.counts.get(facet.name, {}), vocabulary[facet.name], tree=facet.tree
            )
            for facet in query.facets
        },
        backend=found.backend,
    )


def _facet_counts(query, facet, counts, vocabulary, tree) -> list[FacetCount]:
    """The values to show for one facet: those with results and those selected,
    most frequent first; in a tree, children (sub-sectors, sub-categories,
    regions) right after their parent."""
    selected = set(query.filters.get(facet, ()))
    shown = [
        FacetCount(
            value=value,
            count=counts.get(value, 0),
            label=vocabulary.get(value, (value, ""))[0],
            parent=vocabulary.get(value, ("", ""))[1],
            selected=value in selected,
        )
        for value in dict.fromkeys([*counts, *selected])
        if counts.get(value) or value in selected
    ]
    shown.sort(key=lambda c: (-c.count, c.label))
    if not tree:
        return shown
    children = {}
    for count in shown:
        children.setdefault(count.parent, []).append(count)
    ordered = []
    for parent in children.get("", []):
        ordered += [parent, *children.pop(parent.value, [])]
    # Sub-sectors whose parent has no count of its own (cannot happen with a
    # consistent index, but a sector may have moved since it was indexed).
    ordered += [count for parent, counts in children.items() if parent for count in counts]
    return ordered


def search_count(query: SearchQuery) -> int:
    """How many suppliers or products a query finds, without loading them."""
    return backends.search(query.replace(page=1)).total


def search_ids(query: SearchQuery, *, limit: int) -> list[int]:
    """The ids of a query's first `limit` hits in order, page by page of the
    query's size, without loading cards or labels (exports load what they need)."""
    ids = []
    for page in range(1, limit // query.page_size + 1):
        found = backends.search(query.replace(page=page))
        ids += found.ids
        if len(ids) >= found.total:
            break
    return ids


# Places and maps -------------------------------------------------------------------

GAZETTEER_CACHE_KEY = "search:gazetteer"
# The most markers a map shows: Elasticsearch's result window, and more than anyone reads.
MAP_LIMIT = 10_000


@dataclass(frozen=True)
class Town:
    name: str  # as suppliers write it, with its country when another country has a town so named
    latitude: float
    longitude: float
    suppliers: int


def gazetteer() -> list[Town]:
    """The towns the distance filter offers: those of located verified suppliers, each at
    the average of their coordinates, the towns with more suppliers first. Cached for ten
    minutes (a new town appears with its first verified supplier)."""
    towns = cache.get(GAZETTEER_CACHE_KEY)
    if towns is None:
        towns = _load_gazetteer()
        cache.set(GAZETTEER_CACHE_KEY, towns, VOCABULARY_CACHE_SECONDS)
    return towns


def _load_gazetteer() -> list[Town]:
    # Averaged by the database per spelling (a few hundred rows, not a row per supplier),
    # then spellings that fold alike ("Liège", "liege ") merged, weighted by their suppliers.
    rows = (
        Supplier.objects.verified()
        .exclude(latitude=None)
        .exclude(longitude=None)
        .exclude(city="")
        .order_by()
        .values_list("city", "country")
        .annotate(suppliers=Count("pk"), latitude=Avg("latitude"), longitude=Avg("longitude"))
    )
    places = defaultdict(list)  # (folded town, country) -> [(spelling, suppliers, latitude, longitude)]
    for city, country, suppliers, latitude, longitude in rows:
        places[(fold(city.strip()), country)].append((city.strip(), suppliers, latitude, longitude))
    countries_of = defaultdict(set)
    for town, country in places:
        countries_of[town].add(country)
    towns = []
    for (town, country), spellings in places.items():
        total = sum(n for _name, n, _lat, _lon in spellings)
        spelling = max(spellings, key=lambda row: row[1])[0]
        towns.append(
            Town(
                name=f"{spelling}, {country}" if len(countries_of[town]) > 1 else spelling,
                latitude=sum(n * lat for _name, n, lat, _lon in spellings) / total,
                longitude=sum(n * lon for _name, n, _lat, lon in spellings) / total,
                suppliers=total,
            )
        )
    towns.sort(key=lambda t: (-t.suppliers, fold(t.name)))
    return towns


def place_coordinates(place: str) -> tuple[float, float] | None:
    """The coordinates of a town of the gazetteer, named in any case and with or without accents."""
    wanted = fold(place.strip())
    for town in gazetteer():
        if fold(town.name) == wanted:
            return town.latitude, town.longitude
    return None


def supplier_map(query: SupplierQuery) -> tuple[int, list[MapMarker]]:
    """The suppliers a directory query finds, as map markers: (the list's total, the markers
    of those located among its first MAP_LIMIT)."""
    found = backends.search(query.replace(page=1, page_size=MAP_LIMIT))
    return found.total, map_markers(Supplier.objects.filter(pk__in=found.ids))
