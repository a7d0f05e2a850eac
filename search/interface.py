"""The search interface every backend speaks: a query in, hits, a total and
disjunctive facet counts out. The supplier directory page, its JSON endpoint
and the benchmark all build a SupplierQuery with `SupplierQuery.from_params`.

Facet semantics (the same on every backend): within one facet the selected
values are OR-ed, across facets AND-ed, and a facet's counts apply every other
facet's filter but not its own. Text matches when every word of the query is
the start of a word of the supplier's name, description, sectors or products,
ignoring case and accents."""

import unicodedata
from dataclasses import dataclass, field
from math import ceil

from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
PAGE_SIZES = (10, 24, 50, 100)
MAX_PAGE = 10_000  # deeper than anyone reads; bounds the SQL offset
DEFAULT_PAGE_SIZE = 24


@dataclass(frozen=True)
class Facet:
    name: str  # also the URL parameter
    label: str


SUPPLIER_FACETS = (
    Facet("sector", _("Sector")),
    Facet("country", _("Country")),
    Facet("region", _("Region")),
    Facet("impact", _("Impact")),
    Facet("label", _("Label or charter")),
    Facet("legal_form", _("Legal form")),
    Facet("network", _("Network")),
    Facet("sells_online", _("Sells online")),
)
FACET_NAMES = tuple(f.name for f in SUPPLIER_FACETS)
FACET_LABELS = {f.name: f.label for f in SUPPLIER_FACETS}

SORTS = {
    "relevance": _("Relevance"),
    "name": _("Name"),
    "newest": _("Newest"),
}


class InvalidQuery(ValueError):
    """Parameters that cannot be searched; the message says what to change."""


# Letters that Unicode does not decompose but that Elasticsearch's asciifolding
# folds: without them "Građevinski" or "Cœur" would match on one backend only.
UNDECOMPOSED = str.maketrans({"đ": "d", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "ı": "i", "þ": "th"})


def fold(text: str) -> str:
    """Lower case without accents: "Réemploi" → "reemploi". Documents and
    queries are folded the same way on every backend."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The searchable words of a text: folded, split on anything but letters and digits."""
    cleaned = "".join(c if c.isalnum() else " " for c in fold(text))
    return cleaned.split()


@dataclass(frozen=True)
class SupplierQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> tuple of selected values
    sort: str = ""  # "" means relevance with text, name without
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def terms(self) -> list[str]:
        return words(self.text)

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return self.sort
        return "relevance" if self.terms else "name"

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def active_filters(self) -> dict:
        return {name: values for name, values in self.filters.items() if values}

    def without(self, facet: str) -> dict:
        """The filters a facet's own counts apply: every other facet's."""
        return {name: values for name, values in self.active_filters().items() if name != facet}

    @classmethod
    def from_params(cls, params) -> "SupplierQuery":
        """Build a query from URL parameters (a QueryDict or a dict of lists).
        Raises InvalidQuery with a message a person can act on."""
        text = (_getone(params, "q") or "").strip()
        if len(text) > MAX_QUERY_LENGTH:
            raise InvalidQuery(
                _("The search text is too long: use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
            )
        filters = {}
        for facet in FACET_NAMES:
            values = tuple(dict.fromkeys(v.strip() for v in _getlist(params, facet) if v.strip()))
            if len(values) > MAX_VALUES_PER_FACET:
                raise InvalidQuery(_("Too many values for %(facet)s.") % {"facet": facet})
            if any(len(v) > 100 for v in values):
                raise InvalidQuery(_("A value for %(facet)s is too long.") % {"facet": facet})
            if values:
                filters[facet] = values
        sort = _getone(params, "sort") or ""
        if sort and sort not in SORTS:
            raise InvalidQuery(
                _("Unknown sort order “%(sort)s”: use %(choices)s.") % {"sort": sort[:30], "choices": ", ".join(SORTS)}
            )
        page = _positive_int(_getone(params, "page"), default=1, name="page")
        if page > MAX_PAGE:
            raise InvalidQuery(_("page must be at most %(max)d: narrow the search instead.") % {"max": MAX_PAGE})
        page_size = _positive_int(_getone(params, "page_size"), default=DEFAULT_PAGE_SIZE, name="page_size")
        if page_size not in PAGE_SIZES:
            raise InvalidQuery(
                _("page_size must be one of %(sizes)s.") % {"sizes": ", ".join(str(s) for s in PAGE_SIZES)}
            )
        return cls(text=text, filters=filters, sort=sort, page=page, page_size=page_size)

    def to_params(self, **changes) -> list[tuple[str, str]]:
        """URL parameters for this query (or a variant of it), in a stable order."""
        query = self.replace(**changes)
        params = [("q", query.text)] if query.text else []
        for facet in FACET_NAMES:
            params += [(facet, value) for value in query.filters.get(facet, ())]
        if query.sort:
            params.append(("sort", query.sort))
        if query.page_size != DEFAULT_PAGE_SIZE:
            params.append(("page_size", str(query.page_size)))
        if query.page != 1:
            params.append(("page", str(query.page)))
        return params

    def replace(self, **changes) -> "SupplierQuery":
        values = {
            "text": self.text,
            "filters": self.filters,
            "sort": self.sort,
            "page": self.page,
            "page_size": self.page_size,
        }
        values.update(changes)
        return SupplierQuery(**values)

    def dropping(self, facet: str, values=None) -> "SupplierQuery":
        """The same query without a facet's filter (or without some of its values), back on page 1."""
        filters = {
            name: tuple(v for v in selected if values is not None and v not in values) if name == facet else selected
            for name, selected in self.filters.items()
        }
        return self.replace(filters={name: v for name, v in filters.items() if v}, page=1)

    def toggled(self, facet: str, value: str) -> "SupplierQuery":
        """The same query with one facet value switched on or off, back on page 1."""
        selected = self.filters.get(facet, ())
        values = tuple(v for v in selected if v != value) if value in selected else (*selected, value)
        filters = {**self.filters, facet: values}
        return self.replace(filters={k: v for k, v in filters.items() if v}, page=1)


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return value if isinstance(value, list | tuple) else [value]


def _getone(params, name):
    values = _getlist(params, name)
    return values[-1] if values else None


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
class SupplierSearchResults:
    query: SupplierQuery
    suppliers: list  # of organisations.cards.SupplierCard, in result order
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
