"""Product search: the shop's catalogue, category and search pages and
/api/search/products/ on the search interface. Only products of verified
suppliers are found; facets are disjunctive like the supplier directory's;
the index follows products, stock and suppliers after each commit."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.organisations import services
from search.backends.database import DatabaseBackend
from search.interface import InvalidQuery, ProductQuery
from search.models import IndexState, ProductEntry
from search.product_documents import product_documents
from search.selectors import product_search
from search.services import index_rebuild
from tests.factories import (
    ImpactAreaFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    StockRecord,
    SupplierFactory,
    UserFactory,
    goods_for_supplier,
    service_for_supplier,
)

pytestmark = pytest.mark.django_db

ProductCategory = StockRecord._meta.apps.get_model("catalogue", "ProductCategory")


def in_category(product, category):
    ProductCategory.objects.create(product=product, category=category)
    return product


def searched(**params):
    return product_search(ProductQuery.from_params(params))


def titles(**params):
    return {card.title for card in searched(**params).products}


def counts(facet, **params):
    return {option.value: option.count for option in searched(**params).facets[facet]}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def categories(db):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    return {
        "catering": create_from_breadcrumbs("Food > Catering"),
        "groceries": create_from_breadcrumbs("Food > Groceries"),
        "printing": create_from_breadcrumbs("Services > Printing"),
    }


@pytest.fixture
def shop(categories, commit):
    """Three verified suppliers in two countries selling goods and services, and
    one unverified supplier whose products must never be found."""
    disability = ImpactAreaFactory(name="Disability", slug="disability")
    cluster = NetworkFactory(name="SSE Cluster", slug="sse-cluster")
    with commit():
        lux = SupplierFactory(name="Lux Traiteur", country="LU", impact_areas=[disability])
        metz = SupplierFactory(name="Metz Imprimerie", country="FR")
        epicerie = SupplierFactory(name="Épicerie Solidaire", country="FR", impact_areas=[disability])
        NetworkMembershipFactory(network=cluster, supplier=lux)
        hidden = SupplierFactory(name="Hidden Kitchen", country="LU", unverified=True)
        made = {
            "buffet": service_for_supplier(supplier=lux, title="Buffet déjeuner", price=Decimal("18.00")),
            "jam": goods_for_supplier(
                supplier=epicerie,
                title="Confiture de réemploi",
                price=Decimal("4.20"),
                num_in_stock=0,
                attributes={"unit": "jar", "vat_rate": "3"},
            ),
            "honey": goods_for_supplier(supplier=epicerie, title="Miel local", price=Decimal("9.00")),
            "flyers": goods_for_supplier(supplier=metz, title="Flyers recyclés", price=Decimal("55.00")),
            "secret": goods_for_supplier(supplier=hidden, title="Secret buffet", price=Decimal("1.00")),
        }
        for name, category in [
            ("buffet", "catering"),
            ("jam", "groceries"),
            ("honey", "groceries"),
            ("flyers", "printing"),
            ("secret", "catering"),
        ]:
            in_category(made[name], categories[category])
    return {"lux": lux, "metz": metz, "epicerie": epicerie, "hidden": hidden, **made}


class TestWhatIsFound:
    def test_only_products_of_verified_suppliers_are_listed(self, shop):
        assert titles() == {"Buffet déjeuner", "Confiture de réemploi", "Miel local", "Flyers recyclés"}

    def test_text_forgives_case_accents_and_matches_word_starts(self, shop):
        assert titles(q="REEMPLOI") == {"Confiture de réemploi"}
        assert titles(q="recycl") == {"Flyers recyclés"}
        assert titles(q="buffet") == {"Buffet déjeuner"}  # not the unverified supplier's "Secret buffet"

    def test_text_finds_products_by_supplier_and_category_names(self, shop):
        assert titles(q="solidaire") == {"Confiture de réemploi", "Miel local"}
        assert titles(q="groceries") == {"Confiture de réemploi", "Miel local"}

    def test_a_parent_category_matches_its_sub_categories(self, shop):
        assert titles(category="food") == {"Buffet déjeuner", "Confiture de réemploi", "Miel local"}
        assert titles(category="food/catering") == {"Buffet déjeuner"}

    def test_goods_or_services(self, shop):
        assert titles(kind="service") == {"Buffet déjeuner"}
        assert counts("kind") == {"goods": 3, "service": 1}

    def test_in_stock_counts_services_as_available(self, shop):
        assert titles(in_stock="no") == {"Confiture de réemploi"}
        assert counts("in_stock") == {"yes": 3, "no": 1}

    def test_price_range_excludes_vat_and_narrows_every_count(self, shop):
        assert titles(price_min="5", price_max="20") == {"Buffet déjeuner", "Miel local"}
        assert counts("country", price_min="5", price_max="20") == {"LU": 1, "FR": 1}
        assert titles(price_min="9,00", price_max="9") == {"Miel local"}  # comma decimals, bounds included

    def test_supplier_country_impact_and_network(self, shop):
        assert titles(country="LU") == {"Buffet déjeuner"}
        assert titles(impact="disability") == {"Buffet déjeuner", "Confiture de réemploi", "Miel local"}
        assert titles(network="sse-cluster") == {"Buffet déjeuner"}

    def test_sort_by_price_both_ways(self, shop):
        ascending = [card.title for card in searched(sort="price").products]
        assert ascending == ["Confiture de réemploi", "Miel local", "Buffet déjeuner", "Flyers recyclés"]
        assert [card.title for card in searched(sort="price_desc").products] == ascending[::-1]


class TestDisjunctiveFacets:
    def test_values_of_one_facet_are_ored_and_facets_anded(self, shop):
        assert titles(country=["LU", "FR"], kind="goods") == {"Confiture de réemploi", "Miel local", "Flyers recyclés"}

    def test_a_facets_counts_ignore_its_own_selection_but_apply_the_others(self, shop):
        assert counts("country", country="LU") == {"LU": 1, "FR": 3}
        assert counts("country", kind="goods") == {"FR": 3}
        assert counts("kind", country="FR") == {"goods": 3}

    def test_category_counts_form_a_tree_with_parents_first(self, shop):
        options = searched().facets["category"]
        assert [(o.value, o.count) for o in options][:3] == [("food", 3), ("food/groceries", 2), ("food/catering", 1)]
        assert options[1].parent == "food"


class TestCards:
    def test_a_card_shows_prices_excluding_and_including_vat_and_the_supplier(self, shop):
        (card,) = searched(q="confiture").products
        assert card.price == Decimal("4.20")
        assert card.vat_rate == Decimal("3")  # the product's own (reduced) rate
        assert card.price_incl_tax == Decimal("4.33")
        assert (card.supplier_name, card.supplier_country) == ("Épicerie Solidaire", "FR")
        assert card.unit == "per jar"
        assert card.in_stock is False
        assert card.get_absolute_url() == shop["jam"].get_absolute_url()

    def test_the_supplier_countrys_standard_rate_applies_otherwise(self, shop):
        (card,) = searched(q="buffet").products
        assert card.vat_rate == Decimal("17")  # Luxembourg
        assert card.price_incl_tax == Decimal("21.06")
        assert card.kind == "service"

    def test_indexing_costs_the_same_number_of_queries_for_2_or_20_products(
        self, shop, django_assert_max_num_queries, django_assert_num_queries
    ):
        with CaptureQueriesContext(connection) as few:
            assert len(list(product_documents())) == 4
        for n in range(16):
            goods_for_supplier(supplier=shop["metz"], title=f"Carnet {n}")
        with CaptureQueriesContext(connection) as many:
            assert len(list(product_documents())) == 20
        assert len(many) == len(few)


class TestIndexFollowsTheDatabase:
    def test_a_new_product_is_found_after_the_commit_only(self, shop, commit):
        with commit():
            goods_for_supplier(supplier=shop["metz"], title="Affiches sérigraphiées")
            assert titles(q="affiches") == set()
        assert titles(q="affiches") == {"Affiches sérigraphiées"}

    def test_stock_and_price_changes_reach_the_index(self, shop, commit):
        record = shop["jam"].stockrecords.get()
        with commit():
            record.num_in_stock = 12
            record.price = Decimal("3.90")
            record.save()
        (card,) = searched(q="confiture").products
        assert (card.in_stock, card.price) == (True, Decimal("3.90"))

    def test_unverifying_a_supplier_withdraws_its_products_and_verifying_brings_them(self, shop, commit):
        operator = UserFactory(staff=True)
        with commit():
            services.supplier_unverify(supplier=shop["epicerie"], by=operator)
        assert titles(q="miel") == set()
        with commit():
            services.supplier_verify(supplier=shop["hidden"], by=operator)
        assert titles(q="secret") == {"Secret buffet"}

    def test_a_withdrawn_or_deleted_product_leaves_the_index(self, shop, commit):
        with commit():
            shop["honey"].is_public = False
            shop["honey"].save()
            shop["flyers"].delete()
        assert titles() == {"Buffet déjeuner", "Confiture de réemploi"}

    def test_a_supplier_joining_a_network_updates_its_products_facets(self, shop, commit):
        cluster = NetworkFactory(name="Impact NL", slug="impact-nl")
        with commit():
            NetworkMembershipFactory(network=cluster, supplier=shop["metz"])
        assert titles(network="impact-nl") == {"Flyers recyclés"}

    def test_a_renamed_category_is_searchable_under_its_new_name(self, shop, commit, categories):
        with commit():
            printing = categories["printing"]
            printing.name = "Imprimerie"
            printing.save()
        assert titles(q="imprimerie") == {"Flyers recyclés"}  # also the supplier's name, so check the card:
        assert searched(q="imprimerie").products[0].category == "Imprimerie"


class TestRelevance:
    def test_the_words_in_the_name_first_then_shorter_names_then_by_name(self, shop):
        for title, description in [
            ("Wooden crates for apples", "Reused pallet wood."),
            ("Fruit basket", "Apples and pears from our orchard."),
            ("Apple juice", "Pressed in Metz."),
            ("Apples", "Sold by the kilo."),
            ("Apple crumble for events", "Baked with apples from Lorraine."),
            ("Juice glasses", "Apple green."),
        ]:
            goods_for_supplier(supplier=shop["metz"], title=title, description=description)
        index_rebuild()

        def ranked(text):
            return [card.title for card in searched(q=text).products]

        assert ranked("apple") == [
            "Apples",
            "Apple juice",
            "Apple crumble for events",
            "Wooden crates for apples",
            "Fruit basket",
            "Juice glasses",
        ]
        # Both words in the name beat one; with one each, the shorter name first.
        assert ranked("apple juice") == ["Apple juice", "Juice glasses"]
        assert ranked("apples kilo") == ["Apples"]


class TestRememberedTexts:
    """The database backend remembers which products each word of a text
    matches, anywhere and in their name, until the next write to the index."""

    def test_a_text_searched_again_costs_the_index_stamp_only(self, shop, django_assert_num_queries):
        backend = DatabaseBackend("products")
        query = ProductQuery(text="buffet")
        first = backend.search(query)
        in_lux = backend.search(query.replace(filters={"country": ("LU",)}))
        with django_assert_num_queries(2):
            assert backend.search(query) == first
            assert backend.search(query.replace(filters={"country": ("LU",)})) == in_lux

    def test_an_index_write_forgets_the_texts(self, shop, commit):
        assert titles(q="buffet") == {"Buffet déjeuner"}
        with commit():
            service_for_supplier(supplier=shop["metz"], title="Buffet froid", price=Decimal("12.00"))
        assert titles(q="buffet") == {"Buffet déjeuner", "Buffet froid"}
        assert titles(q="buffet", kind="service") == {"Buffet déjeuner", "Buffet froid"}

    @pytest.mark.parametrize("size", [10, 50])
    def test_a_text_costs_the_same_statements_whatever_the_page_size(self, shop, size):
        for n in range(55):
            goods_for_supplier(supplier=shop["metz"], title=f"Carnet {n}")
        index_rebuild()
        backend = DatabaseBackend("products")
        backend.search(ProductQuery())  # loads the index's bitmaps
        with CaptureQueriesContext(connection) as captured:
            found = backend.search(ProductQuery(text="carnet", filters={"kind": ("goods",)}, page_size=size))
        assert len(found.ids) == size
        assert len(captured) == 2  # the index stamp, the word's matches

    def test_full_text_of_a_product_missing_from_the_entries_is_ignored(self, shop):
        """Entries and their full text change in one transaction; should they ever
        disagree, a word's stray ids (among or above the entries' ids) find nothing."""
        last = ProductEntry.objects.order_by("-pk").first()
        ProductEntry.objects.filter(pk__in=[shop["buffet"].pk, last.pk]).delete()
        IndexState.objects.filter(name="products").update(stamp="entries-deleted-by-hand")
        assert titles(q="buffet") == set()
        assert titles(q=last.title_sort) == set()
        assert titles(q="miel") == {"Miel local"}

    def test_a_new_text_costs_a_statement_for_its_new_words_only(self, shop, django_assert_num_queries):
        backend = DatabaseBackend("products")
        backend.search(ProductQuery(text="buffet"))
        with django_assert_num_queries(2):  # the index stamp, the matches of "dejeuner"
            found = backend.search(ProductQuery(text="buffet déjeuner"))
        assert found.total == 1


class TestQuery:
    @pytest.mark.parametrize(
        "params, message",
        [
            ({"price_min": "cheap"}, "price_min must be an amount in euros"),
            ({"price_min": "-1"}, "between 0 and"),
            ({"price_min": "30", "price_max": "10"}, "lowest price is above the highest"),
            ({"kind": "robots"}, "kind must be one of: goods, service"),
            ({"in_stock": "maybe"}, "in_stock must be one of: yes, no"),
            ({"sort": "cheapest"}, "Unknown sort order"),
        ],
    )
    def test_bad_parameters_say_what_to_change(self, params, message):
        with pytest.raises(InvalidQuery, match=message):
            ProductQuery.from_params(params)

    def test_parameters_round_trip(self):
        params = {"q": ["bois"], "category": ["food"], "kind": ["goods"], "price_min": ["2.5"], "sort": ["price"]}
        query = ProductQuery.from_params(params)
        assert ProductQuery.from_params({k: [v] for k, v in query.to_params()}) == query


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def card_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".product-card .card-title a")]


class TestPages:
    def test_the_search_page_lists_facets_and_prices(self, client, shop):
        soup = page(client, "/shop/search/?q=confiture")
        assert card_titles(soup) == ["Confiture de réemploi"]
        text = soup.select_one(".product-card").get_text(" ", strip=True)
        assert "excl. VAT" in text and "incl. VAT" in text and "VAT 3 %" in text
        supplier_url = f"/suppliers/{shop['epicerie'].slug}/"
        assert soup.select_one(f".product-card a[href='{supplier_url}']")

    def test_a_facet_link_toggles_its_value_and_keeps_the_text(self, client, shop):
        soup = page(client, "/shop/search/?q=miel")
        link = next(a for a in soup.select("#facet-country ~ ul a") if "FR" in a["href"])
        assert link["href"] == "?q=miel&country=FR"
        soup = page(client, "/shop/search/" + link["href"])
        assert card_titles(soup) == ["Miel local"]
        chips = [a.get_text(" ", strip=True) for a in soup.select(".chip")]
        assert any("France" in chip for chip in chips)

    def test_the_catalogue_lists_everything_for_sale(self, client, shop):
        soup = page(client, "/shop/catalogue/")
        assert sorted(card_titles(soup)) == sorted(
            ["Buffet déjeuner", "Confiture de réemploi", "Miel local", "Flyers recyclés"]
        )

    def test_a_category_page_lists_its_sub_categories_products_and_links_to_the_search(self, client, shop, categories):
        food = categories["catering"].get_parent()
        soup = page(client, food.get_absolute_url())
        assert sorted(card_titles(soup)) == ["Buffet déjeuner", "Confiture de réemploi", "Miel local"]
        assert soup.h1.get_text(strip=True) == "Food"
        link = next(a for a in soup.select("#facet-kind ~ ul a") if "service" in a["href"])
        assert link["href"].startswith("/shop/search/?") and "category=food" in link["href"]

    def test_bad_parameters_show_the_problem_not_an_error_page(self, client, shop):
        response = client.get("/shop/search/?price_min=abc")
        assert response.status_code == 400
        assert "price_min must be an amount in euros" in response.content.decode()

    def test_an_unknown_category_is_ignored_with_a_notice(self, client, shop):
        soup = page(client, "/shop/search/?category=spaceships")
        assert "We ignored “spaceships”" in soup.get_text()
        assert len(card_titles(soup)) == 4

    def test_an_empty_result_suggests_which_filter_to_drop(self, client, shop):
        soup = page(client, "/shop/search/?country=LU&kind=goods")
        suggestions = [a.get_text(" ", strip=True) for a in soup.select(".empty-state a")]
        assert any("without Goods or service: 1 result" in s for s in suggestions)

    @pytest.mark.parametrize("size", [10, 50])
    def test_the_page_costs_the_same_whatever_the_page_size(self, client, shop, size, django_assert_max_num_queries):
        for n in range(55):
            goods_for_supplier(supplier=shop["metz"], title=f"Carnet {n}")
        index_rebuild()
        client.get(f"/shop/search/?page_size={size}")  # warm the caches (labels, sessions)
        with django_assert_max_num_queries(8) as captured:
            soup = page(client, f"/shop/search/?page_size={size}&kind=goods")
        assert len(card_titles(soup)) == size
        search_statements = [q for q in captured.captured_queries if re.search(r"search_product", q["sql"])]
        assert len(search_statements) <= 3


class TestApi:
    def test_shape_and_parameters(self, client, shop):
        response = client.get("/api/search/products/", {"q": "buffet", "kind": "service"})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 1
        (result,) = body["results"]
        assert result["title"] == "Buffet déjeuner"
        assert result["supplier"]["slug"] == shop["lux"].slug
        assert result["price"] == {"excl_tax": "18.00", "incl_tax": "21.06", "tax_rate": "17", "currency": "EUR"}
        assert {"value": "service", "label": "Service", "count": 1, "selected": True, "parent": ""} in body["facets"][
            "kind"
        ]

    def test_the_api_and_the_page_agree(self, client, shop):
        api = client.get("/api/search/products/", {"category": "food", "sort": "price"}).json()
        soup = page(client, "/shop/search/?category=food&sort=price")
        assert [r["title"] for r in api["results"]] == card_titles(soup)

    @pytest.mark.parametrize(
        "query, message",
        [("price_max=x", "price_max must be an amount"), ("category=nowhere", "Unknown category")],
    )
    def test_bad_parameters_are_a_400_with_a_reason(self, client, shop, query, message):
        response = client.get(f"/api/search/products/?{query}")
        assert response.status_code == 400
        assert message in response.json()["error"]["message"]
