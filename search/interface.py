"""The search interface every backend speaks: a query in, hits, a total and
disjunctive facet counts out. Two indexes speak it: suppliers (the directory at
/suppliers/, SupplierQuery) and products (the shop at /shop/search/,
ProductQuery). Pages, JSON endpoints and the benchmark all build their query
with `from_params`.

Facet semantics (the same on every backend): within one facet the selected
values are OR-ed, across facets AND-ed, and a facet's counts apply every other
facet's filter but not its own. Text matches when every word of the query is
the start of a word of the supplier's name, description, sectors or products
in any of the languages they are written in, ignoring case, accents and the
script of Serbian (Cyrillic or Latin)."""

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from math import ceil
from typing import ClassVar

from django.utils.translation import gettext_lazy as _

from marketplace.core.translations import to_latin

from .facets import PRODUCT_FACETS, SUPPLIER_FACETS, Facet
from .geo import DEFAULT_RADIUS_KM, RADII_KM, Near, parse_coordinates

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
PAGE_SIZES = (10, 24, 50, 100)
MAX_PAGE = 10_000  # deeper than anyone reads; bounds the SQL offset
DEFAULT_PAGE_SIZE = 24


FACET_NAMES = tuple(f.name for f in SUPPLIER_FACETS)  # the supplier facets are declared in search.facets

SORTS = {
    "relevance": _("Relevance"),
    "name": _("Name"),
    "newest": _("Newest"),
    "distance": _("Distance"),  # from the place of the distance filter; without one, the default
}

PRODUCT_SORTS = {
    "relevance": _("Relevance"),
    "price": _("Price: low to high"),
    "price_desc": _("Price: high to low"),
    "title": _("Name"),
    "newest": _("Newest"),
}
MAX_PRICE = Decimal("10000000")


class InvalidQuery(ValueError):
    """Parameters that cannot be searched; the message says what to change."""


# Letters that Unicode does not decompose but that Elasticsearch's asciifolding
# folds: without them "Građevinski" or "Cœur" would match on one backend only.
UNDECOMPOSED = {"đ": "d", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "ı": "i", "þ": "th"}
# Serbian Cyrillic letters and their Latin transliteration ("ч" → "č", "Љ" → "Lj"), the
# project's own (marketplace.core.translations.to_latin). Serbian is written in both
# scripts, so both fold alike: "чишћење", "čišćenje" and "ciscenje" are one word to search.
CYRILLIC_TO_LATIN = {letter: to_latin(letter) for letter in map(chr, range(0x400, 0x460)) if to_latin(letter) != letter}
FOLDED_LETTERS = str.maketrans(
    {
        **UNDECOMPOSED,
        **{
            letter: latin.lower().translate(str.maketrans(UNDECOMPOSED))
            for letter, latin in CYRILLIC_TO_LATIN.items()
            if letter.islower()
        },
    }
)


def fold(text: str) -> str:
    """Lower case, in Latin script, without accents: "Réemploi" → "reemploi",
    "Чишћење" → "ciscenje". Documents and queries are folded the same way on
    every backend."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(FOLDED_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The searchable words of a text: folded, split on anything but letters and digits."""
    cleaned = "".join(c if c.isalnum() else " " for c in fold(text))
    return cleaned.split()


@dataclass(frozen=True)
class SearchQuery:
    """What every index is asked: text, facet selections, sort and page.
    Subclasses name their facets and sorts."""

    facets: ClassVar[tuple[Facet, ...]] = ()
    sorts: ClassVar[dict] = {}
    default_sort: ClassVar[str] = ""  # without text; with text, relevance
    index: ClassVar[str] = ""  # which index answers: "suppliers" or "products"

    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> tuple of selected values
    sort: str = ""  # "" means relevance with text, the default sort without
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @classmethod
    def facet_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in cls.facets)

    @classmethod
    def facet_labels(cls) -> dict:
        return {f.name: f.label for f in cls.facets}

    @property
    def terms(self) -> list[str]:
        return words(self.text)

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return self.sort
        return "relevance" if self.terms else self.default_sort

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def active_filters(self) -> dict:
        return {name: values for name, values in self.filters.items() if values}

    def without(self, facet: str) -> dict:
        """The filters a facet's own counts apply: every other facet's."""
        return {name: values for name, values in self.active_filters().items() if name != facet}

    def ranges(self) -> dict:
        """Range conditions on the index entries every count and page applies,
        as ORM lookups (e.g. {"price__gte": 10}); none by default."""
        return {}

    @classmethod
    def from_params(cls, params):
        """Build a query from URL parameters (a QueryDict or a dict of lists).
        Raises InvalidQuery with a message a person can act on."""
        text = (_getone(params, "q") or "").strip()
        if len(text) > MAX_QUERY_LENGTH:
            raise InvalidQuery(
                _("The search text is too long: use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
            )
        filters = {}
        for facet in cls.facets:
            values = tuple(dict.fromkeys(v.strip() for v in _getlist(params, facet.name) if v.strip()))
            if len(values) > MAX_VALUES_PER_FACET:
                raise InvalidQuery(_("Too many values for %(facet)s.") % {"facet": facet.name})
            if any(len(v) > 100 for v in values):
                raise InvalidQuery(_("A value for %(facet)s is too long.") % {"facet": facet.name})
            if facet.choices and not set(values) <= set(facet.choices):
                raise InvalidQuery(
                    _("%(facet)s must be one of: %(choices)s.")
                    % {"facet": facet.name, "choices": ", ".join(facet.choices)}
                )
            if values:
                filters[facet.name] = values
        sort = _getone(params, "sort") or ""
        if sort and sort not in cls.sorts:
            raise InvalidQuery(
                _("Unknown sort order “%(sort)s”: use %(choices)s.")
                % {"sort": sort[:30], "choices": ", ".join(cls.sorts)}
            )
        page = _positive_int(_getone(params, "page"), default=1, name="page")
        if page > MAX_PAGE:
            raise InvalidQuery(_("page must be at most %(max)d: narrow the search instead.") % {"max": MAX_PAGE})
        page_size = _positive_int(_getone(params, "page_size"), default=DEFAULT_PAGE_SIZE, name="page_size")
        if page_size not in PAGE_SIZES:
            raise InvalidQuery(
                _("page_size must be one of %(sizes)s.") % {"sizes": ", ".join(str(s) for s in PAGE_SIZES)}
            )
        return cls(text=text, filters=filters, sort=sort, page=page, page_size=page_size, **cls.extra_params(params))

    @classmethod
    def extra_params(cls, params) -> dict:
        """Fields a subclass reads from the URL besides text, facets, sort and page."""
        return {}

    def to_params(self, **changes) -> list[tuple[str, str]]:
        """URL parameters for this query (or a variant of it), in a stable order."""
        query = self.replace(**changes)
        params = [("q", query.text)] if query.text else []
        for facet in self.facet_names():
            params += [(facet, value) for value in query.filters.get(facet, ())]
        params += query.extra_to_params()
        if query.sort:
            params.append(("sort", query.sort))
        if query.page_size != DEFAULT_PAGE_SIZE:
            params.append(("page_size", str(query.page_size)))
        if query.page != 1:
            params.append(("page", str(query.page)))
        return params

    def extra_to_params(self) -> list[tuple[str, str]]:
        return []

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)

    def cleared(self):
        """No text and no filter, the same sort and page size."""
        return type(self)(sort=self.sort, page_size=self.page_size)

    def dropping(self, facet: str, values=None):
        """The same query without a facet's filter (or without some of its values), back on page 1."""
        filters = {
            name: tuple(v for v in selected if values is not None and v not in values) if name == facet else selected
            for name, selected in self.filters.items()
        }
        return self.replace(filters={name: v for name, v in filters.items() if v}, page=1)

    def toggled(self, facet: str, value: str):
        """The same query with one facet value switched on or off, back on page 1."""
        selected = self.filters.get(facet, ())
        values = tuple(v for v in selected if v != value) if value in selected else (*selected, value)
        filters = {**self.filters, facet: values}
        return self.replace(filters={k: v for k, v in filters.items() if v}, page=1)


@dataclass(frozen=True)
class SupplierQuery(SearchQuery):
    """Verified suppliers. Besides the facets, a distance filter ("within 25 km of Metz")
    narrows every count and page, like the text does, and may sort the hits by distance."""

    facets: ClassVar = SUPPLIER_FACETS
    sorts: ClassVar = SORTS
    default_sort: ClassVar = "name"
    index: ClassVar = "suppliers"

    near: Near | None = None

    @property
    def effective_sort(self) -> str:
        if self.sort == "distance" and self.near is None:
            return self.default_sort
        return super().effective_sort

    @classmethod
    def extra_params(cls, params) -> dict:
        return {"near": near_from_params(params)}

    def extra_to_params(self) -> list[tuple[str, str]]:
        if self.near is None:
            return []
        return [("near", self.near.place), ("within", str(self.near.km))]

    def without_distance(self):
        return self.replace(near=None, sort="" if self.sort == "distance" else self.sort, page=1)


MAX_PLACE_LENGTH = 100


def near_from_params(params) -> Near | None:
    """The distance filter of URL parameters: `near`, a town of the gazetteer
    (search.selectors.gazetteer) or "latitude, longitude" in decimal degrees, and `within`,
    a radius in km among RADII_KM (25 when not given). No place, no filter."""
    place = (_getone(params, "near") or "").strip()
    if not place:
        return None
    if len(place) > MAX_PLACE_LENGTH:
        raise InvalidQuery(_("The place is too long: use at most %(max)d characters.") % {"max": MAX_PLACE_LENGTH})
    raw_km = (_getone(params, "within") or "").strip()
    km = _positive_int(raw_km, default=DEFAULT_RADIUS_KM, name="within")
    if km not in RADII_KM:
        raise InvalidQuery(
            _("The distance must be one of %(radii)s km.") % {"radii": ", ".join(str(r) for r in RADII_KM)}
        )
    coordinates = parse_coordinates(place)
    if coordinates is None:
        from .selectors import place_coordinates  # the gazetteer lives in the database

        coordinates = place_coordinates(place)
    if coordinates is None:
        raise InvalidQuery(
            _(
                "We do not know the place “%(place)s”: choose a town from the suggestions, "
                "or give its latitude and longitude, e.g. 49.61, 6.13."
            )
            % {"place": place}
        )
    return Near(latitude=coordinates[0], longitude=coordinates[1], km=km, place=place)


@dataclass(frozen=True)
class ProductQuery(SearchQuery):
    """Products of verified suppliers. Besides the facets, a price range (EUR,
    excluding VAT) narrows every count and page, like the text does."""

    facets: ClassVar = PRODUCT_FACETS
    sorts: ClassVar = PRODUCT_SORTS
    default_sort: ClassVar = "title"
    index: ClassVar = "products"

    price_min: Decimal | None = None
    price_max: Decimal | None = None

    @classmethod
    def extra_params(cls, params) -> dict:
        price_min = _price(_getone(params, "price_min"), "price_min")
        price_max = _price(_getone(params, "price_max"), "price_max")
        if price_min is not None and price_max is not None and price_min > price_max:
            raise InvalidQuery(_("The lowest price is above the highest price: swap them or clear one."))
        return {"price_min": price_min, "price_max": price_max}

    def extra_to_params(self) -> list[tuple[str, str]]:
        params = []
        if self.price_min is not None:
            params.append(("price_min", str(self.price_min)))
        if self.price_max is not None:
            params.append(("price_max", str(self.price_max)))
        return params

    def ranges(self) -> dict:
        ranges = {}
        if self.price_min is not None:
            ranges["price__gte"] = self.price_min
        if self.price_max is not None:
            ranges["price__lte"] = self.price_max
        return ranges

    def without_prices(self):
        return self.replace(price_min=None, price_max=None, page=1)


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return value if isinstance(value, list | tuple) else [value]


def _getone(params, name):
    values = _getlist(params, name)
    return values[-1] if values else None


def _price(raw, name):
    """A price in EUR: "12", "12.5" or "12,50"; empty means no bound."""
    if raw is None or not raw.strip():
        return None
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidQuery(_("%(name)s must be an amount in euros, e.g. 12.50.") % {"name": name}) from None
    if not value.is_finite() or value < 0 or value > MAX_PRICE:
        raise InvalidQuery(_("%(name)s must be an amount between 0 and 10,000,000 euros.") % {"name": name})
    return value.quantize(Decimal("0.01"))


def _positive_int(raw, *, default, name):
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise InvalidQuery(_("%(name)s must be a whole number.") % {"name": name}) from None
    if value < 1:
        raise InvalidQuery(_("%(name)s must be 1 or more.") % {"name": name})
    return value


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False
    parent: str = ""  # for sub-sectors: the parent sector's value


@dataclass
class BackendResult:
    """What a backend returns: the ids of the page's hits in order, the total,
    and raw counts per facet value (values with a zero count may be absent)."""

    ids: list
    total: int
    counts: dict  # facet name -> {value: count}
    backend: str


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list  # result cards, in result order
    total: int
    facets: dict  # facet name -> list[FacetCount], ready to show
    backend: str
    notices: list = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, ceil(self.total / self.query.page_size))

    @property
    def has_previous(self) -> bool:
        return self.query.page > 1

    @property
    def has_next(self) -> bool:
        return self.query.page < self.num_pages


class SupplierSearchResults(SearchResults):
    @property
    def suppliers(self) -> list:  # of organisations.cards.SupplierCard
        return self.hits


class ProductSearchResults(SearchResults):
    @property
    def products(self) -> list:  # of search.cards.ProductCard
        return self.hits
