"""The supplier directory page, /suppliers/, as a procurement officer uses it:
facets with disjunctive counts, chips, text search, sorting, paging, and what
the page says when a link is stale or a parameter cannot be searched."""

import datetime
import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations.models import Supplier
from search.services import suppliers_reindex
from tests.factories import (
    ImpactAreaFactory,
    LabelFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db

SUPPLIER_LIST = reverse("organisations:supplier-list")

# The verified suppliers of the world, by name order (accents folded: É sorts as E).
ALL_BY_NAME = [
    "Atelier Bois",
    "Cantine du Coin",
    "Épicerie Locale",
    "Green Builders",
    "Küche für Alle",
    "Lux Traiteur",
    "Réemploi Solidaire",
]
# Verified last first (see build_world).
ALL_NEWEST_FIRST = [
    "Atelier Bois",
    "Réemploi Solidaire",
    "Green Builders",
    "Küche für Alle",
    "Épicerie Locale",
    "Cantine du Coin",
    "Lux Traiteur",
]


def build_world():
    """Seven verified suppliers in LU, FR and DE, and one unverified (in BE).

    name                country  sectors                          impact            label  network
    Réemploi Solidaire  FR       Construction › Reused materials  circular          ESUS   cluster, charter signed
    Küche für Alle      DE       Food › Catering                  work-integration
    Cantine du Coin     FR       Food › Catering                  work-integration         cluster
    Épicerie Locale     LU       Food › Local food distribution   circular          ESUS
    Green Builders      LU       Construction                     work-integration
    Lux Traiteur        LU       Food › Catering, › Local food…   work-integration
    Atelier Bois        DE       Construction › Reused materials  –
    Hidden Kitchen      BE       Food › Catering                  work-integration  (unverified)
    """
    food = SectorFactory(name="Food", slug="food")
    catering = SectorFactory(name="Catering", slug="catering", parent=food)
    local_food = SectorFactory(name="Local food distribution", slug="local-food-distribution", parent=food)
    construction = SectorFactory(name="Construction", slug="construction")
    reused = SectorFactory(name="Reused materials", slug="reused-materials", parent=construction)
    centre = RegionFactory(country="LU", name="Centre", slug="lu-centre")
    lorraine = RegionFactory(country="FR", name="Lorraine", slug="fr-lorraine")
    alsace = RegionFactory(country="FR", name="Alsace", slug="fr-alsace")
    saarland = RegionFactory(country="DE", name="Saarland", slug="de-saarland")
    work = ImpactAreaFactory(name="Work integration", slug="work-integration")
    circular = ImpactAreaFactory(name="Circular economy", slug="circular-economy")
    esus = LabelFactory(name="ESUS", slug="esus")
    cluster = NetworkFactory(name="SSE Cluster Grande Région", slug="sse-cluster", charter="We reinvest our surplus.")

    def supplier(name, region, sectors, impact=(), labels=(), legal_form="cooperative", **fields):
        return SupplierFactory(
            name=name,
            country=region.country.code if region else "BE",
            region=region,
            sectors=sectors,
            impact_areas=impact,
            labels=labels,
            legal_form=legal_form,
            description="A social enterprise of the Greater Region.",
            **fields,
        )

    reemploi = supplier("Réemploi Solidaire", lorraine, [reused], [circular], [esus], "association")
    supplier("Küche für Alle", saarland, [catering], [work])
    cantine = supplier("Cantine du Coin", alsace, [catering], [work])
    supplier("Épicerie Locale", centre, [local_food], [circular], [esus], "association")
    supplier(
        "Green Builders", centre, [construction], [work], legal_form="social_purpose_company", served_countries=["FR"]
    )
    supplier("Lux Traiteur", centre, [catering, local_food], [work])
    supplier("Atelier Bois", saarland, [reused], served_regions=[saarland, lorraine])
    supplier("Hidden Kitchen", None, [catering], [work], unverified=True)
    NetworkMembershipFactory(network=cluster, supplier=reemploi, signed=True)
    NetworkMembershipFactory(network=cluster, supplier=cantine)

    # "Newest" sorts on the verification date: make it explicit.
    start = timezone.now() - datetime.timedelta(days=30)
    for days, name in enumerate(reversed(ALL_NEWEST_FIRST)):
        Supplier.objects.filter(name=name).update(verified_at=start + datetime.timedelta(days=days))


@pytest.fixture
def world(reindex):
    build_world()
    reindex()


@pytest.fixture
def caterers(world, reindex):
    """Twelve more caterers in France: with Cantine du Coin, 13 French caterers."""
    catering = SectorFactory._meta.model.objects.get(slug="catering")
    alsace = RegionFactory._meta.model.objects.get(slug="fr-alsace")
    for number in range(12):
        SupplierFactory(name=f"Caterer {number:02d}", country="FR", region=alsace, sectors=[catering])
    reindex()


# Reading the page --------------------------------------------------------------


@dataclass
class Option:
    label: str
    count: int
    checked: bool
    href: str

    @property
    def params(self):
        return sorted(parse_qsl(urlsplit(self.href).query))


FACET_SECTION = re.compile(
    r'<section class="facet" aria-labelledby="facet-(?P<facet>\w+)">(?P<body>.*?)</section>', re.S
)
FACET_OPTION = re.compile(
    r'<a href="(?P<href>[^"]*)" class="facet-option[^"]*"[^>]*aria-checked="(?P<checked>true|false)"[^>]*>'
    r'.*?<span class="facet-label">(?P<label>.*?)</span>\s*<span class="facet-count">(?P<count>\d+)</span>',
    re.S,
)
CHIP = re.compile(r'<a class="chip(?: chip-clear)?" href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.S)


def html(response):
    return response.content.decode()


def facets(response) -> dict:
    """facet name -> {option label: Option}, as the facet links show them."""
    shown = {}
    for section in FACET_SECTION.finditer(html(response)):
        shown[section["facet"]] = {
            unescape(o["label"]): Option(
                unescape(o["label"]), int(o["count"]), o["checked"] == "true", unescape(o["href"])
            )
            for o in FACET_OPTION.finditer(section["body"])
        }
    return shown


def counts(response, facet) -> dict:
    return {label: option.count for label, option in facets(response).get(facet, {}).items()}


def chips(response) -> dict:
    """Chip text (without the screen-reader prefix and the ×) -> its link."""
    found = {}
    for chip in CHIP.finditer(html(response)):
        text = re.sub(r"<[^>]+>|×", "", chip["text"]).replace("Remove filter", "")
        found[unescape(" ".join(text.split()))] = unescape(chip["href"])
    return found


def cards(response) -> list:
    """The supplier names on the page, in order."""
    return [unescape(name) for name in re.findall(r'class="stretched-link">(.*?)</a>', html(response))]


def link(response, rel) -> str:
    match = re.search(rf'<a class="page-link" href="([^"]*)" rel="{rel}"', html(response))
    return unescape(match.group(1)) if match else ""


def params(url) -> list:
    return sorted(parse_qsl(urlsplit(url).query))


def get(client, query="", *, fragment=False):
    """GET the directory with a query string exactly as a link carries it; `fragment`
    asks for the results only, as directory.js does."""
    headers = {"X-Requested-With": "directory"} if fragment else {}
    return client.get(SUPPLIER_LIST + query, headers=headers)


# Facets -----------------------------------------------------------------------


@pytest.mark.usefixtures("world")
class TestFacets:
    QUERY = "?sector=food&country=FR&country=LU"

    def test_a_parent_sector_and_two_countries_list_exactly_the_matching_suppliers(self, client):
        response = get(client, self.QUERY)

        # Food takes in its sub-sectors; FR or LU; and both together. Küche (DE) and Réemploi (reuse) are out.
        assert cards(response) == ["Cantine du Coin", "Épicerie Locale", "Lux Traiteur"]
        assertContains(response, "3 social enterprises")

    def test_a_facets_counts_ignore_its_own_selection_but_apply_the_others(self, client):
        response = get(client, self.QUERY)

        # Countries: the food suppliers per country, as if no country were chosen.
        assert counts(response, "country") == {"Luxembourg": 2, "France": 1, "Germany": 1}
        # Sectors: the French and Luxembourg suppliers per sector, as if no sector were chosen.
        assert counts(response, "sector") == {
            "Food": 3,
            "Catering": 2,
            "Local food distribution": 2,
            "Construction": 2,
            "Reused materials": 1,
        }
        # Other facets apply both selections: Cantine, Épicerie and Lux Traiteur.
        assert counts(response, "impact") == {"Work integration": 2, "Circular economy": 1}
        assert counts(response, "network") == {"SSE Cluster Grande Région": 1}
        assert counts(response, "label") == {"ESUS": 1}

    def test_without_a_selection_every_facet_counts_every_verified_supplier(self, client):
        response = get(client)

        assert counts(response, "country") == {"Luxembourg": 3, "France": 2, "Germany": 2}
        assert counts(response, "label") == {"ESUS": 2, "Charter of SSE Cluster Grande Région": 1}
        assert counts(response, "legal_form") == {
            "Cooperative": 4,
            "Association / non-profit": 2,
            "Social-purpose company": 1,
        }
        assert counts(response, "sells_online") == {"Does not sell online": 7}

    def test_sub_sectors_are_listed_right_after_their_parent(self, client):
        response = get(client)

        assert list(counts(response, "sector")) == [
            "Food",
            "Catering",
            "Local food distribution",
            "Construction",
            "Reused materials",
        ]
        # Three sub-sectors, and the four regions served under their countries.
        assertContains(response, '<li class="facet-child">', count=3 + 4)

    def test_area_served_finds_who_works_in_a_place(self, client):
        """A region finds who serves it and who serves its whole country; a
        country finds who serves any part of it. Regions follow their country."""
        response = get(client, "?serves=fr-lorraine")

        # Réemploi (based there), Atelier Bois (Saarland and Lorraine), Green Builders (all of France).
        assert cards(response) == ["Atelier Bois", "Green Builders", "Réemploi Solidaire"]
        assert counts(get(client, "?serves=FR"), "sector")["Catering"] == 1  # Cantine du Coin, Alsace
        assert list(counts(response, "serves").items()) == [
            ("France", 4),
            ("Lorraine", 3),
            ("Alsace", 2),
            ("Germany", 2),
            ("Saarland", 2),
            ("Luxembourg", 2),
            ("Centre", 2),
        ]

    def test_selected_values_are_checked_and_the_others_are_not(self, client):
        shown = facets(get(client, self.QUERY))

        checked = {(facet, label) for facet, options in shown.items() for label, o in options.items() if o.checked}
        assert checked == {("sector", "Food"), ("country", "France"), ("country", "Luxembourg")}

    def test_a_facet_link_toggles_its_value_and_keeps_the_rest(self, client):
        shown = facets(get(client, self.QUERY))

        assert shown["country"]["Germany"].params == sorted(
            [("sector", "food"), ("country", "FR"), ("country", "LU"), ("country", "DE")]
        )
        assert shown["country"]["France"].params == [("country", "LU"), ("sector", "food")]
        following = get(client, shown["country"]["Germany"].href)
        assert cards(following) == ["Cantine du Coin", "Épicerie Locale", "Küche für Alle", "Lux Traiteur"]

    def test_each_selected_value_is_a_chip_whose_link_removes_only_that_value(self, client):
        response = get(client, self.QUERY)

        shown = chips(response)
        assert set(shown) == {"Sector: Food", "Country: France", "Country: Luxembourg", "Clear all"}
        assert params(shown["Country: France"]) == [("country", "LU"), ("sector", "food")]
        assert params(shown["Sector: Food"]) == [("country", "FR"), ("country", "LU")]

        without_france = get(client, shown["Country: France"])
        assert cards(without_france) == ["Épicerie Locale", "Lux Traiteur"]
        assert set(chips(without_france)) == {"Sector: Food", "Country: Luxembourg", "Clear all"}

    def test_clear_all_removes_every_filter_and_the_text(self, client):
        response = get(client, self.QUERY + "&q=coin&sort=name")

        assert set(chips(response)) == {
            "Text: “coin”",
            "Sector: Food",
            "Country: France",
            "Country: Luxembourg",
            "Clear all",
        }
        cleared = get(client, chips(response)["Clear all"])

        assert cards(cleared) == ALL_BY_NAME
        assert chips(cleared) == {}

    def test_no_chips_without_a_selection(self, client):
        assertNotContains(get(client), "Clear all")


# Text search and sorting --------------------------------------------------------


@pytest.mark.usefixtures("world")
class TestText:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("reemploi", ["Réemploi Solidaire"]),
            ("RÉEMPLOI", ["Réemploi Solidaire"]),
            ("KÜCHE", ["Küche für Alle"]),
            ("kuche fur", ["Küche für Alle"]),
            ("epicerie", ["Épicerie Locale"]),
            ("cant", ["Cantine du Coin"]),  # the start of a word is enough
        ],
    )
    def test_text_search_forgives_case_and_accents(self, client, text, expected):
        response = client.get(SUPPLIER_LIST, {"q": text})

        assert cards(response) == expected

    def test_every_word_must_match(self, client):
        assert cards(client.get(SUPPLIER_LIST, {"q": "cantine lux"})) == []

    def test_sector_names_are_searchable(self, client):
        response = client.get(SUPPLIER_LIST, {"q": "catering", "sort": "name"})

        assert cards(response) == ["Cantine du Coin", "Küche für Alle", "Lux Traiteur"]

    def test_text_and_facets_combine(self, client):
        response = client.get(SUPPLIER_LIST, {"q": "catering", "country": "LU"})

        assert cards(response) == ["Lux Traiteur"]
        assert counts(response, "country") == {"Luxembourg": 1, "France": 1, "Germany": 1}

    def test_without_text_suppliers_are_sorted_by_name(self, client):
        assert cards(get(client)) == ALL_BY_NAME
        assert cards(get(client, "?sort=name")) == ALL_BY_NAME

    def test_newest_lists_the_last_verified_first(self, client):
        assert cards(get(client, "?sort=newest")) == ALL_NEWEST_FIRST

    def test_the_sort_menu_shows_the_current_order_and_keeps_the_filters(self, client):
        response = get(client, "?sector=food&sort=newest")

        assertContains(response, '<option value="newest" selected>Newest</option>', html=True)
        assertContains(response, '<input type="hidden" name="sector" value="food">', html=True)


# Paging ------------------------------------------------------------------------------


@pytest.mark.usefixtures("caterers")
class TestPaging:
    def test_pagination_links_keep_the_filters(self, client):
        first = get(client, "?sector=catering&country=FR&page_size=10")

        assertContains(first, "13 social enterprises")
        assertContains(first, "Page 1 of 2")
        assert len(cards(first)) == 10
        assert link(first, "prev") == ""
        assert params(link(first, "next")) == sorted(
            [("sector", "catering"), ("country", "FR"), ("page_size", "10"), ("page", "2")]
        )

        second = get(client, link(first, "next"))

        assertContains(second, "Page 2 of 2")
        assert cards(second) == ["Caterer 09", "Caterer 10", "Caterer 11"]
        assert set(cards(first)).isdisjoint(cards(second))
        assert link(second, "next") == ""
        assert params(link(second, "prev")) == sorted([("sector", "catering"), ("country", "FR"), ("page_size", "10")])

    def test_a_page_past_the_end_says_so_and_links_to_the_last_page(self, client):
        response = get(client, "?sector=catering&page_size=10&page=9999")

        assert response.status_code == 200
        assertContains(response, "There is no page 9999: the results end at page 2.")
        assertContains(response, "15 social enterprises")
        assert cards(response) == []
        last = re.search(r'<a href="([^"]*)" data-directory-link>Go to the last page \(2\)</a>', html(response))
        assert params(unescape(last.group(1))) == [("page", "2"), ("page_size", "10"), ("sector", "catering")]
        assert len(cards(get(client, unescape(last.group(1))))) == 5

    def test_an_absurd_page_number_is_not_a_server_error(self, client):
        response = get(client, "?page=" + "9" * 25)

        assert response.status_code in (200, 400)


# Stale links and bad parameters -------------------------------------------------------


@pytest.mark.usefixtures("world")
class TestForgivingLinks:
    def test_an_unknown_country_is_ignored_with_a_notice(self, client):
        response = get(client, "?sector=food&country=XX")

        assert response.status_code == 200
        assertContains(response, "We ignored “XX”: it is not a known country.")
        assert cards(response) == cards(get(client, "?sector=food"))
        assert cards(response) == ["Cantine du Coin", "Épicerie Locale", "Küche für Alle", "Lux Traiteur"]
        assert set(chips(response)) == {"Sector: Food", "Clear all"}

    def test_an_unknown_sector_is_ignored_and_the_known_values_kept(self, client):
        response = get(client, "?sector=nope&country=DE")

        assert response.status_code == 200
        assertContains(response, "We ignored “nope”: it is not a known sector.")
        assert cards(response) == ["Atelier Bois", "Küche für Alle"]

    def test_what_a_link_carries_is_shown_escaped(self, client):
        response = client.get(SUPPLIER_LIST, {"country": "<script>alert(1)</script>", "q": "<b>bold</b>"})

        assert response.status_code == 200
        assertNotContains(response, "<script>alert(1)")
        assertNotContains(response, "<b>bold")
        assertContains(response, "We ignored “&lt;script&gt;alert(1)&lt;/script&gt;”: it is not a known country.")
        assertContains(response, "Text: “&lt;b&gt;bold&lt;/b&gt;”")

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("?q=" + "x" * 10_000, "The search text is too long: use at most 200 characters."),
            ("?page=abc", "page must be a whole number."),
            ("?page=0", "page must be 1 or more."),
            ("?sort=bogus", "Unknown sort order “bogus”: use relevance, name, newest, distance."),
            ("?page_size=7", "page_size must be one of 10, 24, 50, 100."),
            ("?country=FR&country=" + "L" * 101, "A value for country is too long."),
        ],
        ids=["long-text", "page-abc", "page-0", "sort-bogus", "page-size-7", "long-value"],
    )
    def test_parameters_that_cannot_be_searched_get_a_400_page_that_says_why(self, client, query, message):
        response = get(client, query)

        assert response.status_code == 400
        assertContains(response, message, status_code=400)
        assertContains(response, "Start a new search", status_code=400)
        assertContains(response, '<header class="site-header"', status_code=400)  # a whole page, not a stack trace
        assert cards(response) == []


@pytest.mark.usefixtures("world")
class TestEmptyState:
    def test_it_lists_which_filter_to_drop_with_the_results_without_it(self, client):
        response = get(client, "?q=kuche&country=FR&country=LU&impact=work-integration")

        assert cards(response) == []
        assertContains(response, "No social enterprise matches all of this.")
        suggestions = dict(
            re.findall(r'<li><a href="([^"]*)" data-directory-link>(without [^<]*)</a></li>', html(response))
        )
        assert sorted(suggestions.values()) == ["without Country: 1 result", "without the search text: 3 results"]
        by_text = {text: unescape(url) for url, text in suggestions.items()}
        assert cards(get(client, by_text["without Country: 1 result"])) == ["Küche für Alle"]
        assert cards(get(client, by_text["without the search text: 3 results"])) == [
            "Cantine du Coin",
            "Green Builders",
            "Lux Traiteur",
        ]

    def test_when_no_single_filter_helps_it_offers_to_clear_everything(self, client):
        response = get(client, "?q=nothingmatchesthis&country=PT")

        assertContains(response, "No social enterprise matches all of this.")
        assertNotContains(response, "Drop one filter")
        assertContains(response, "Clear the search and the filters")


# The in-place refresh --------------------------------------------------------------


@pytest.mark.usefixtures("world")
class TestFragment:
    def test_the_directory_header_returns_only_the_results(self, client):
        response = get(client, "?sector=food&country=FR&country=LU", fragment=True)

        assert response.status_code == 200
        assertNotContains(response, "<html")
        assertNotContains(response, "site-header")
        assertNotContains(response, "site-footer")
        assertNotContains(response, "data-directory-form")
        assertContains(response, "3 social enterprises")
        assert cards(response) == ["Cantine du Coin", "Épicerie Locale", "Lux Traiteur"]
        assert counts(response, "country") == {"Luxembourg": 2, "France": 1, "Germany": 1}

    def test_without_the_header_the_whole_page_is_served(self, client):
        response = get(client, "?sector=food")

        assertContains(response, '<header class="site-header"')
        assertContains(response, "data-directory-form")
        assertContains(response, 'id="directory"')

    def test_the_fragment_and_the_page_are_cached_apart(self, client):
        response = get(client, "?sector=food", fragment=True)

        vary = {header.strip().lower() for header in response.get("Vary", "").split(",")}
        assert "x-requested-with" in vary

    def test_an_invalid_query_in_place_gets_the_error_fragment(self, client):
        response = get(client, "?page=abc", fragment=True)

        assert response.status_code == 400
        assertContains(response, "page must be a whole number.", status_code=400)
        assertNotContains(response, "site-header", status_code=400)


# Who is listed ------------------------------------------------------------------------


@pytest.mark.usefixtures("world")
class TestOnlyVerified:
    def test_unverified_suppliers_never_appear(self, client):
        hidden = Supplier.objects.get(name="Hidden Kitchen")
        suppliers_reindex([hidden.pk])  # even when asked to index it explicitly

        assertNotContains(get(client, "?q=hidden"), "Hidden Kitchen")
        assert cards(get(client, "?q=kitchen")) == []
        assert cards(get(client, "?country=BE")) == []
        everything = get(client, "?page_size=100")
        assert cards(everything) == ALL_BY_NAME
        assert "Belgium" not in counts(everything, "country")
        assert counts(everything, "sector")["Catering"] == 3  # Küche, Cantine, Lux Traiteur; not Hidden Kitchen


# Query budget -------------------------------------------------------------------------


class TestQueryBudget:
    # Measured on SQLite and PostgreSQL for an anonymous visitor once the facet labels and
    # this query's counts are cached (a first request also loads the labels, five queries,
    # and counts every facet in one UNION): the index version, the page of ids, and the
    # page's cards, which the index stores, so no supplier or relation is loaded.
    BUDGET = 3

    @pytest.fixture
    def sixty(self, reindex):
        sectors = [SectorFactory(sub=True) for _ in range(4)]
        impacts = [ImpactAreaFactory() for _ in range(3)]
        labels = [LabelFactory() for _ in range(2)]
        region = RegionFactory(country="FR")
        for number in range(60):
            SupplierFactory(
                name=f"Enterprise {number:02d}",
                region=region,
                sectors=[sectors[number % 4], sectors[(number + 1) % 4]],
                impact_areas=[impacts[number % 3]],
                labels=[labels[number % 2]],
            )
        reindex()

    def measure(self, client, query):
        get(client, query)  # warm the facet-label cache
        with CaptureQueriesContext(connection) as captured:
            response = get(client, query)
        assert response.status_code == 200
        return response, len(captured)

    @pytest.mark.usefixtures("sixty")
    def test_the_page_costs_the_same_for_10_or_50_suppliers_shown(self, client, django_assert_max_num_queries):
        small, small_count = self.measure(client, "?page_size=10")
        large, large_count = self.measure(client, "?page_size=50")

        assert len(cards(small)) == 10
        assert len(cards(large)) == 50
        assert large_count == small_count
        with django_assert_max_num_queries(self.BUDGET):
            get(client, "?page_size=10")

    @pytest.mark.usefixtures("sixty")
    def test_a_selected_facet_costs_no_extra_query_whatever_the_page_size(self, client):
        sector = SectorFactory._meta.model.objects.filter(parent__isnull=False).first()
        _, plain = self.measure(client, "?page_size=10")
        small, small_count = self.measure(client, f"?sector={sector.slug}&page_size=10")
        large, large_count = self.measure(client, f"?sector={sector.slug}&page_size=50")

        assert len(cards(small)) == 10
        assert len(cards(large)) == 30
        assert small_count == large_count == plain
