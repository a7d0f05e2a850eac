"""/api/search/suppliers/: the supplier directory as JSON. Same parameters and
same service as the page (search.selectors.supplier_search)."""

from ninja import Query, Router, Schema, Status

from .interface import FACET_NAMES, InvalidQuery, SupplierQuery
from .selectors import facet_vocabulary, supplier_search, unknown_values

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


class SupplierSearchOut(Schema):
    count: int
    page: int
    num_pages: int
    page_size: int
    results: list[SupplierOut]
    facets: dict[str, list[FacetValueOut]]


class ErrorOut(Schema):
    detail: str


class SupplierSearchParams(Schema):
    """Documents the parameters; they are read from the query string by
    SupplierQuery.from_params, exactly as the page reads them."""

    q: str = ""
    sector: list[str] = []
    country: list[str] = []
    region: list[str] = []
    impact: list[str] = []
    label: list[str] = []
    legal_form: list[str] = []
    network: list[str] = []
    sells_online: list[str] = []
    sort: str = ""
    # Text like the page's query string: an empty page= means page 1, as on the page.
    page: str = "1"
    page_size: str = "24"


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
    }


@router.get(
    "/suppliers/",
    response={200: SupplierSearchOut, 400: ErrorOut},
    summary="Search verified suppliers with disjunctive facet counts",
)
def search_suppliers(request, params: Query[SupplierSearchParams]):
    # Repeated parameters (country=FR&country=LU) are OR-ed within a facet.
    try:
        query = SupplierQuery.from_params(request.GET)
    except InvalidQuery as error:
        return Status(400, {"detail": str(error)})
    vocabulary = facet_vocabulary()
    unknown = unknown_values(query, vocabulary)
    if unknown:
        facet, value = unknown[0]
        return Status(400, {"detail": f"Unknown {facet} “{value}”."})
    results = supplier_search(query, vocabulary=vocabulary)
    return Status(
        200,
        {
            "count": results.total,
            "page": query.page,
            "num_pages": results.num_pages,
            "page_size": query.page_size,
            "results": [_supplier(supplier) for supplier in results.suppliers],
            "facets": {
                facet: [
                    {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected, "parent": c.parent}
                    for c in results.facets[facet]
                ]
                for facet in FACET_NAMES
            },
        },
    )
