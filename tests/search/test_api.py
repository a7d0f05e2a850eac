"""/api/search/suppliers/: the supplier directory as JSON for API clients. Same
parameters and same service as the /suppliers/ page, so the same answers."""

import pytest
from django.urls import reverse

from marketplace.organisations.models import Supplier
from search.interface import ProductQuery, SupplierQuery
from tests.factories import RegionFactory, SectorFactory, SupplierFactory
from tests.search.test_directory import ALL_BY_NAME, build_world, cards, facets, get

ENDPOINT = "/api/search/suppliers/"
FACETS = [
    "sector", "country", "region", "serves", "impact", "label", "legal_form", "network", "sells_online", "reserved",
]  # fmt: skip
SUPPLIER_KEYS = {
    "reserved",
    "slug",
    "name",
    "url",
    "country",
    "country_name",
    "region",
    "legal_form",
    "sectors",
    "impact",
    "labels",
}


@pytest.fixture
def world(reindex):
    build_world()
    reindex()


def api(client, query=""):
    return client.get(ENDPOINT + query)


def ok(client, query=""):
    response = api(client, query)
    assert response.status_code == 200, response.content
    return response.json()


def names(data):
    return [supplier["name"] for supplier in data["results"]]


def facet_counts(data, facet):
    return {option["value"]: option["count"] for option in data["facets"][facet]}


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world")]


class TestShape:
    def test_the_answer_has_the_documented_shape_with_all_eight_facets(self, client):
        data = ok(client, "?sector=food&country=FR&country=LU")

        assert set(data) == {"count", "page", "num_pages", "page_size", "results", "facets"}
        assert (data["count"], data["page"], data["num_pages"], data["page_size"]) == (3, 1, 1, 24)
        assert list(data["facets"]) == FACETS
        for supplier in data["results"]:
            assert set(supplier) == SUPPLIER_KEYS
        for options in data["facets"].values():
            for option in options:
                assert set(option) == {"value", "label", "count", "selected", "parent"}

    def test_a_supplier_is_described_with_codes_names_and_slugs(self, client):
        data = ok(client, "?q=reemploi")

        assert data["results"] == [
            {
                "slug": "reemploi-solidaire",
                "name": "Réemploi Solidaire",
                "url": reverse("organisations:supplier-detail", kwargs={"slug": "reemploi-solidaire"}),
                "country": "FR",
                "country_name": "France",
                "region": "Lorraine",
                "legal_form": "association",
                "sectors": ["reused-materials"],
                "impact": ["circular-economy"],
                "labels": ["esus"],
                "reserved": [],
            }
        ]

    def test_facet_values_carry_label_count_selection_and_parent(self, client):
        data = ok(client, "?sector=food&country=FR&country=LU")

        assert data["facets"]["sector"] == [
            {"value": "food", "label": "Food", "count": 3, "selected": True, "parent": ""},
            {"value": "catering", "label": "Catering", "count": 2, "selected": False, "parent": "food"},
            {
                "value": "local-food-distribution",
                "label": "Local food distribution",
                "count": 2,
                "selected": False,
                "parent": "food",
            },
            {"value": "construction", "label": "Construction", "count": 2, "selected": False, "parent": ""},
            {
                "value": "reused-materials",
                "label": "Reused materials",
                "count": 1,
                "selected": False,
                "parent": "construction",
            },
        ]
        assert data["facets"]["country"] == [
            {"value": "LU", "label": "Luxembourg", "count": 2, "selected": True, "parent": ""},
            {"value": "FR", "label": "France", "count": 1, "selected": True, "parent": ""},
            {"value": "DE", "label": "Germany", "count": 1, "selected": False, "parent": ""},
        ]
        assert data["facets"]["sells_online"] == [
            {"value": "no", "label": "Does not sell online", "count": 3, "selected": False, "parent": ""}
        ]

    def test_unverified_suppliers_are_not_counted_or_listed(self, client):
        data = ok(client, "?page_size=100")

        assert names(data) == ALL_BY_NAME
        assert data["count"] == 7
        assert "BE" not in facet_counts(data, "country")
        assert ok(client, "?q=hidden")["count"] == 0


class TestParameters:
    def test_repeated_values_of_a_facet_are_or_ed(self, client):
        france = ok(client, "?country=FR")
        luxembourg = ok(client, "?country=LU")
        both = ok(client, "?country=FR&country=LU")

        assert (france["count"], luxembourg["count"], both["count"]) == (2, 3, 5)
        assert set(names(both)) == set(names(france)) | set(names(luxembourg))

    def test_different_facets_are_and_ed(self, client):
        data = ok(client, "?impact=circular-economy&label=esus&country=LU")

        assert names(data) == ["Épicerie Locale"]

    def test_paging_and_sorting(self, client):
        data = ok(client, "?sort=newest&page_size=10")

        assert (data["count"], data["num_pages"], data["page_size"]) == (7, 1, 10)
        assert names(data)[:2] == ["Atelier Bois", "Réemploi Solidaire"]

    def test_a_page_past_the_end_is_empty_but_keeps_the_count(self, client):
        data = ok(client, "?sector=food&page=5")

        assert data["results"] == []
        assert (data["count"], data["page"], data["num_pages"]) == (4, 5, 1)
        assert facet_counts(data, "sector")["food"] == 4

    @pytest.mark.parametrize(
        ("query", "detail"),
        [
            ("?country=XX", "Unknown country “XX”."),
            ("?country=FR&sector=nope", "Unknown sector “nope”."),
            ("?page_size=7", "page_size must be one of 10, 24, 50, 100."),
            ("?sort=bogus", "Unknown sort order “bogus”: use relevance, name, newest, distance."),
            ("?q=" + "x" * 10_000, "The search text is too long: use at most 200 characters."),
            ("?page=0", "page must be 1 or more."),
        ],
        ids=["unknown-country", "unknown-sector", "page-size-7", "sort-bogus", "long-text", "page-0"],
    )
    def test_parameters_that_cannot_be_searched_get_a_400_with_the_reason(self, client, query, detail):
        response = api(client, query)

        assert response.status_code == 400
        assert response.json() == {"error": {"code": "invalid_query", "message": detail, "details": []}}

    def test_a_page_that_is_not_a_number_gets_a_400_naming_the_parameter(self, client):
        response = api(client, "?page=abc")

        assert response.status_code == 400
        assert set(response.json()) == {"error"}
        assert response.json()["error"]["message"] == "page must be a whole number."

    def test_empty_paging_parameters_mean_the_defaults_as_on_the_page(self, client):
        query = "?q=&sort=&page=&page_size=&country=LU"
        assert get(client, query).status_code == 200

        data = ok(client, query)

        assert (data["count"], data["page"], data["page_size"]) == (3, 1, 24)

    def test_an_absurd_page_number_is_not_a_server_error(self, client):
        response = api(client, "?page=" + "9" * 25)

        assert response.status_code in (200, 400)


class TestSameAsThePage:
    """The page and the endpoint call the same service: same suppliers, same order, same counts."""

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "?sector=food&country=FR&country=LU",
            "?q=catering",
            "?q=catering&sort=name",
            "?impact=work-integration&sort=newest&page_size=10",
            "?label=esus&label=charter-sse-cluster",
            "?region=de-saarland&legal_form=cooperative",
            "?network=sse-cluster&country=FR",
        ],
    )
    def test_same_suppliers_order_and_counts(self, client, query):
        data = ok(client, query)
        page = get(client, query)

        assert names(data) == cards(page)
        assert f"{data['count']} social enterprise" in page.content.decode()
        shown = facets(page)
        for facet in FACETS:
            from_api = {(o["label"], o["count"], o["selected"]) for o in data["facets"][facet]}
            on_page = {(o.label, o.count, o.checked) for o in shown.get(facet, {}).values()}
            assert from_api == on_page, facet

    def test_the_same_second_page(self, client, reindex):
        catering = SectorFactory._meta.model.objects.get(slug="catering")
        alsace = RegionFactory._meta.model.objects.get(slug="fr-alsace")
        for number in range(12):
            SupplierFactory(name=f"Caterer {number:02d}", country="FR", region=alsace, sectors=[catering])
        reindex()
        query = "?sector=catering&page_size=10&page=2"

        data = ok(client, query)

        assert (data["count"], data["num_pages"]) == (15, 2)
        assert names(data) == cards(get(client, query))
        assert names(data) == ["Caterer 09", "Caterer 10", "Caterer 11", "Küche für Alle", "Lux Traiteur"]


class TestDocumentation:
    def test_the_openapi_schema_documents_the_endpoint_and_its_parameters(self, client):
        response = client.get("/api/openapi.json")

        assert response.status_code == 200
        operation = response.json()["paths"][ENDPOINT]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        assert set(parameters) == {"q", "sort", "page", "page_size", *FACETS, "near", "within"}
        assert all(p["in"] == "query" for p in parameters.values())
        assert parameters["country"]["schema"]["type"] == "array"
        # Read like the page's query string (an empty page= is page 1), so documented as text.
        assert parameters["page"]["schema"]["type"] == "string"
        assert {"200", "400"} <= set(operation["responses"])

    def test_the_interactive_documentation_renders(self, client):
        response = client.get("/api/docs")

        assert response.status_code == 200
        assert "/api/openapi.json" in response.content.decode()


class TestSchemaAgreesWithTheAnswers:
    """A client generated from /api/openapi.json sends only what the API accepts, and
    what the schema leaves out the API refuses."""

    @staticmethod
    def parameter(client, path, name):
        schema = client.get("/api/openapi.json").json()
        operation = next(op["get"] for url, op in schema["paths"].items() if url.endswith(path))
        return next(p["schema"] for p in operation["parameters"] if p["name"] == name)

    @pytest.mark.parametrize("path", ["/search/suppliers/", "/search/products/"])
    def test_page_size_is_an_enumeration_the_api_keeps_to(self, client, world, path):
        allowed = self.parameter(client, path, "page_size")["enum"]
        assert allowed == ["", "10", "24", "50", "100"]
        for value in allowed:
            assert client.get(f"/api{path}?page_size={value}").status_code == 200, value
        for value in ("7", "abc", "1000"):
            assert client.get(f"/api{path}?page_size={value}").status_code == 400, value

    @pytest.mark.parametrize("path", ["/search/suppliers/", "/search/products/"])
    def test_impact_lists_the_impact_areas_the_api_accepts(self, client, world, path):
        from marketplace.organisations.models import ImpactArea

        allowed = self.parameter(client, path, "impact")["items"]["enum"]
        assert allowed == list(ImpactArea.objects.values_list("slug", flat=True))  # in their order
        assert allowed
        for value in allowed:
            assert client.get(f"/api{path}?impact={value}").status_code == 200, value
        assert client.get(f"/api{path}?impact=no-such-impact").status_code == 400

    @pytest.mark.parametrize(
        "path, facet, values",
        [
            ("/search/suppliers/", "legal_form", [value for value, _label in Supplier.LegalForm.choices]),
            ("/search/suppliers/", "sells_online", ["yes", "no"]),
            ("/search/products/", "kind", ["goods", "service"]),
            ("/search/products/", "in_stock", ["yes", "no"]),
        ],
    )
    def test_closed_facets_list_their_values(self, client, world, path, facet, values):
        assert self.parameter(client, path, facet)["items"]["enum"] == values
        for value in values:
            assert client.get(f"/api{path}?{facet}={value}").status_code == 200, value
        assert client.get(f"/api{path}?{facet}=maybe").status_code == 400

    @pytest.mark.parametrize(
        "path, query", [("/search/suppliers/", SupplierQuery), ("/search/products/", ProductQuery)]
    )
    def test_every_facet_is_a_parameter(self, client, path, query):
        schema = client.get("/api/openapi.json").json()
        operation = next(op["get"] for url, op in schema["paths"].items() if url.endswith(path))
        parameters = {p["name"] for p in operation["parameters"]}
        assert set(query.facet_names()) <= parameters
