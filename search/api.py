"""/api/search/suppliers/ and /api/search/products/: the supplier directory and
the shop's product search as JSON. Same parameters and same services as the
pages (search.selectors.supplier_search, product_search)."""

from ninja import Field, Query, Router, Schema, Status
from pydantic import create_model

from marketplace.apikeys.errors import ApiError, ErrorOut
from marketplace.organisations.selectors import map_data

from .geo import RADII_KM
from .interface import PAGE_SIZES, InvalidQuery, ProductQuery, SupplierQuery
from .selectors import (
    facet_vocabulary,
    product_facet_vocabulary,
    product_search,
    supplier_map,
    supplier_search,
    unknown_values,
)

router = Router(tags=["search"])


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool
    parent: str = ""


class SupplierOut(Schema):
    slug: str
    name: str
    url: str
    country: str
    country_name: str
    region: str | None
    legal_form: str
    sectors: list[str]
    impact: list[str]
    labels: list[str]
    reserved: list[str]  # countries whose reserved contracts (art. 20) it may take


class SearchPageOut(Schema):
    """What both endpoints answer besides their results."""

    count: int
    page: int
    num_pages: int
    page_size: int
    facets: dict[str, list[FacetValueOut]]


class SupplierSearchOut(SearchPageOut):
    results: list[SupplierOut]


class SearchParams(Schema):
    """Documents the parameters; they are read from the query string by
    `from_params`, exactly as the page reads them."""

    q: str = ""
    sort: str = ""
    # Text like the page's query string: an empty page= means page 1, as on the page.
    page: str = "1"
    # The schema says what `from_params` accepts (empty: the default), so that clients
    # generated from it send nothing the API refuses.
    page_size: str = Field("24", json_schema_extra={"enum": ["", *(str(size) for size in PAGE_SIZES)]})


def _facet_parameters(name: str, facets, **fields) -> type[SearchParams]:
    """A search's parameters: one list per facet (search.facets) and `fields`. A listed
    facet's schema enumerates its values as they are when the schema is read (impact areas
    are data, not code)."""

    def enumerate_values(facet):
        return lambda schema: schema.setdefault("items", {}).update(enum=list(facet.vocabulary()))

    parameters = {
        facet.name: (list[str], Field([], json_schema_extra=enumerate_values(facet) if facet.listed else None))
        for facet in facets
    }
    return create_model(name, __base__=SearchParams, **parameters, **fields)


SupplierSearchParams = _facet_parameters(
    "SupplierSearchParams",
    SupplierQuery.facets,
    # The distance filter: a town of the gazetteer or "latitude, longitude", and a radius in km.
    near=(str, ""),
    within=(str, Field("", json_schema_extra={"enum": ["", *(str(km) for km in RADII_KM)]})),
)


def _supplier(card) -> dict:
    return {
        "slug": card.slug,
        "name": card.name,
        "url": card.get_absolute_url(),
        "country": card.country,
        "country_name": card.country_name,
        "region": card.region or None,
        "legal_form": card.legal_form,
        "sectors": [slug for slug, _name in card.sectors],
        "impact": [slug for slug, _name in card.impact],
        "labels": list(card.labels),
        "reserved": list(card.reserved),
    }


def _query(request, query_class, vocabulary):
    """Read the query string as the page does; a 400 says what to change."""
    try:
        query = query_class.from_params(request.GET)
    except InvalidQuery as error:
        raise ApiError(400, "invalid_query", str(error)) from None
    unknown = unknown_values(query, vocabulary)
    if unknown:
        facet, value = unknown[0]
        raise ApiError(400, "invalid_query", f"Unknown {facet} “{value}”.")
    return query


def _search(request, query_class, vocabulary, search, result):
    query = _query(request, query_class, vocabulary)
    results = search(query, vocabulary=vocabulary)
    return Status(
        200,
        {
            "count": results.total,
            "page": query.page,
            "num_pages": results.num_pages,
            "page_size": query.page_size,
            "results": [result(hit) for hit in results.hits],
            "facets": {
                facet: [
                    {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected, "parent": c.parent}
                    for c in results.facets[facet]
                ]
                for facet in query.facet_names()
            },
        },
    )


@router.get(
    "/suppliers/",
    response={200: SupplierSearchOut, 400: ErrorOut},
    summary="Search verified suppliers with disjunctive facet counts",
)
def search_suppliers(request, params: Query[SupplierSearchParams]):
    # Repeated parameters (country=FR&country=LU) are OR-ed within a facet.
    return _search(request, SupplierQuery, facet_vocabulary(), supplier_search, _supplier)


class MapMarkerOut(Schema):
    name: str
    slug: str
    url: str
    town: str
    latitude: float
    longitude: float


class SupplierMapOut(Schema):
    count: int  # the suppliers the query finds, as on the list
    located: int  # those of them on the map
    markers: list[MapMarkerOut]


@router.get(
    "/suppliers/map/",
    response={200: SupplierMapOut, 400: ErrorOut},
    summary="The verified suppliers a directory search finds, as map markers (public data only)",
)
def search_suppliers_map(request, params: Query[SupplierSearchParams]):
    query = _query(request, SupplierQuery, facet_vocabulary())
    count, markers = supplier_map(query)
    return Status(200, {"count": count, "located": len(markers), "markers": map_data(markers)})


class PriceOut(Schema):
    excl_tax: str | None
    incl_tax: str | None
    tax_rate: str | None
    currency: str


class ProductSupplierOut(Schema):
    slug: str
    name: str
    country: str
    url: str


class ProductOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    category: str
    unit: str
    image: str
    price: PriceOut
    in_stock: bool
    on_quote_only: bool
    supplier: ProductSupplierOut


class ProductSearchOut(SearchPageOut):
    results: list[ProductOut]


ProductSearchParams = _facet_parameters(
    "ProductSearchParams",
    ProductQuery.facets,
    # Text, like the page's query string: EUR excluding VAT, "12.50" or "12,50".
    price_min=(str, ""),
    price_max=(str, ""),
)


def _product(card) -> dict:
    return {
        "id": card.id,
        "title": card.title,
        "url": card.get_absolute_url(),
        "kind": card.kind,
        "category": card.category,
        "unit": card.unit,
        "image": card.image,
        "price": {
            "excl_tax": card.excl_tax,
            "incl_tax": card.incl_tax,
            "tax_rate": card.tax_rate,
            "currency": card.currency,
        },
        "in_stock": card.in_stock,
        "on_quote_only": card.on_quote_only,
        "supplier": {
            "slug": card.supplier_slug,
            "name": card.supplier_name,
            "country": card.supplier_country,
            "url": card.get_supplier_url(),
        },
    }


@router.get(
    "/products/",
    response={200: ProductSearchOut, 400: ErrorOut},
    summary="Search products and services of verified suppliers with disjunctive facet counts",
)
def search_products(request, params: Query[ProductSearchParams]):
    return _search(request, ProductQuery, product_facet_vocabulary(), product_search, _product)
