"""The product index on Elasticsearch, without a server (the real client): the
mapping, pinned as configuration, and the alias swap of a rebuild, writes
through the alias and the fallback to the database against the recorded fake
node of tests/search/elasticsearch_fake.py; what a search finds (hits, counts,
price ranges, sorts, pages) against the node in memory of
tests/search/elasticsearch_memory.py."""

import logging
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from search import backends, services
from search.backends import BackendUnavailable
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import (
    ElasticsearchBackend,
    ProductElasticsearchBackend,
    SupplierElasticsearchBackend,
    elasticsearch_backend,
)
from search.interface import ProductQuery, fold
from search.product_documents import product_documents
from tests.factories import (
    ImpactAreaFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    StockRecord,
    SupplierFactory,
    goods_for_supplier,
    product_for_supplier,
    service_for_supplier,
)
from tests.search.elasticsearch_fake import (
    LANGUAGES,
    URL,
    FakeCluster,
    accept_rebuilds,
    assert_rebuilt_in_two_batches_then_swapped,
    bulk_actions,
    bulk_ok,
    configure,
    error,
    refuse_everything,
    search_response,
)
from tests.search.elasticsearch_memory import MemoryElasticsearch

ALIAS = "responsible-products"
OLD_INDEX = "responsible-products-20240101-000000-000000"
FACETS = ProductQuery.facet_names()
TEXT_FIELDS = ("title", "description", "categories", "supplier")
ProductCategory = StockRecord._meta.apps.get_model("catalogue", "ProductCategory")
Product = StockRecord._meta.apps.get_model("catalogue", "Product")


@pytest.fixture
def cluster():
    cluster = FakeCluster()
    cluster.on("POST", rf"/{ALIAS}/_search", (200, search_response(facets=FACETS)))
    cluster.on("PUT", r"/_bulk", bulk_ok)
    cluster.on("HEAD", rf"/_alias/{ALIAS}", (200, None))
    return cluster


@pytest.fixture
def configured(settings, monkeypatch):
    return lambda cluster: configure(cluster, settings, monkeypatch)


def backend(cluster):
    return cluster.backend(ProductElasticsearchBackend)


def searched(cluster, **query):
    backend(cluster).search(ProductQuery(**query))
    (request,) = cluster.sent("POST", f"/{ALIAS}/_search")
    return request.body


# (0) Which backend serves products ---------------------------------------------------


def test_elasticsearch_serves_products_through_their_own_backend_and_alias(settings):
    settings.ELASTICSEARCH_URL = URL
    products = elasticsearch_backend("products", URL)
    assert type(products) is ProductElasticsearchBackend
    assert products.alias == ALIAS
    assert type(elasticsearch_backend("suppliers", URL)) is SupplierElasticsearchBackend
    assert ElasticsearchBackend is SupplierElasticsearchBackend
    # The database index is always kept; Elasticsearch is the product backend, not a second database one.
    database, elastic = backends.indexing_backends("products")
    assert (type(database), database.tables.name) == (DatabaseBackend, "products")
    assert type(elastic) is ProductElasticsearchBackend
    assert type(backends.primary_backend("products")) is ProductElasticsearchBackend


# (1) The mapping ----------------------------------------------------------------------


@pytest.fixture
def created_index(cluster):
    """The body of the index creation a rebuild sends."""
    accept_rebuilds(cluster, ALIAS)
    backend(cluster).rebuild([])
    (creation,) = [r for r in cluster.requests if r.method == "PUT" and r.path != "/_bulk"]
    assert re.fullmatch(rf"/{ALIAS}-\d{{8}}-\d{{6}}-\d{{6}}", creation.path)
    return creation.body


def test_text_fields_are_folded_with_stemmed_sub_fields_and_facets_are_keywords(created_index):
    assert created_index["settings"]["number_of_shards"] == 1
    assert set(created_index["settings"]["analysis"]["analyzer"]) == {"folded", *(f"{x}_folded" for x in LANGUAGES)}
    mappings = created_index["mappings"]
    assert mappings["dynamic"] == "strict"
    properties = mappings["properties"]
    for name in TEXT_FIELDS:
        assert properties[name] == {
            "type": "text",
            "analyzer": "folded",
            "fields": {language: {"type": "text", "analyzer": f"{language}_folded"} for language in LANGUAGES},
        }
    for facet in FACETS:
        assert properties[facet] == {"type": "keyword"}
    assert properties["title_sort"] == {"type": "keyword"}
    assert properties["created"] == {"type": "date"}
    assert properties["price_cents"] == {"type": "long"}  # exact, unlike a (scaled) float
    assert properties["id"] == {"type": "long"}
    assert set(properties) == {*TEXT_FIELDS, *FACETS, "title_sort", "created", "price_cents", "id"}


# (2) What a search finds: the backend's queries run by a node in memory ----------------
#
# (tests/search/elasticsearch_memory.py: queries, aggregations, sorts and pages, without
# Elasticsearch's analysis; tests/search/test_contract_products.py runs it through the
# database backend's random cases.) The shop: Buffet déjeuner (Lux Traiteur, LU, a service
# at 18.00 in Food > Catering), Confiture (Épicerie Solidaire, FR, 4.29, out of stock) and
# Corbeille sur devis (Épicerie Solidaire, on quote only: no price).


@pytest.fixture
def indexed(shop):
    products = MemoryElasticsearch.backend(ProductElasticsearchBackend)
    products.rebuild([list(product_documents())])
    return products


def titles(result):
    products = Product.objects.in_bulk(result.ids)
    return [products[pk].title for pk in result.ids]


def test_without_text_filters_or_prices_every_product_for_sale_is_found_by_title_with_its_counts(indexed):
    result = indexed.search(ProductQuery())

    assert result.backend == "elasticsearch"
    assert titles(result) == ["Buffet déjeuner", "Confiture", "Corbeille sur devis"]  # not Hidden Kitchen's
    assert result.counts["country"] == {"LU": 1, "FR": 2}
    assert result.counts["category"] == {"food": 1, "food/catering": 1}  # the parent too
    assert result.counts["network"] == {"sse-cluster": 1}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Buffet  DÉJEUNER", ["Buffet déjeuner"]),  # every word, folded
        ("dejeu", ["Buffet déjeuner"]),  # the start of a word
        ("confitura", ["Confiture"]),  # a typo
        ("onfiture", []),  # the middle of a word
        ("confiture buffet", []),  # every word is required
        ("traiteur", ["Buffet déjeuner"]),  # its supplier
        ("catering", ["Buffet déjeuner"]),  # its categories
    ],
)
def test_every_folded_word_must_start_a_word_of_the_title_description_categories_or_supplier(indexed, text, found):
    assert titles(indexed.search(ProductQuery(text=text))) == found


def test_selected_facets_narrow_the_hits_and_each_facet_counts_without_its_own_selection(indexed):
    result = indexed.search(ProductQuery(filters={"country": ("FR",), "in_stock": ("no",)}))

    assert titles(result) == ["Confiture"]
    assert result.counts["country"] == {"FR": 1}  # out of stock: only Confiture, whatever the country
    # In France, its own selection aside: Confiture out of stock, the basket on quote in stock.
    assert result.counts["in_stock"] == {"no": 1, "yes": 1}


@pytest.mark.parametrize(
    ("price_min", "price_max", "found"),
    [
        ("4.29", None, ["Buffet déjeuner", "Confiture"]),  # a bound equal to a price keeps it (exact cents)
        (None, "4.29", ["Confiture"]),
        ("4.30", None, ["Buffet déjeuner"]),
        ("0", "10000000", ["Buffet déjeuner", "Confiture"]),  # on quote only: outside every range
    ],
)
def test_the_price_range_narrows_the_hits_and_every_count(indexed, price_min, price_max, found):
    query = ProductQuery(price_min=price_min and Decimal(price_min), price_max=price_max and Decimal(price_max))
    result = indexed.search(query)

    assert titles(result) == found
    assert sum(result.counts["country"].values()) == len(found)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Buffet déjeuner", "Confiture", "Corbeille sur devis"]),
        ("title", ["Buffet déjeuner", "Confiture", "Corbeille sur devis"]),
        ("price", ["Confiture", "Buffet déjeuner", "Corbeille sur devis"]),  # without a price: last...
        ("price_desc", ["Buffet déjeuner", "Confiture", "Corbeille sur devis"]),  # ...either way
    ],
)
def test_sort_orders(indexed, sort, expected):
    assert titles(indexed.search(ProductQuery(sort=sort))) == expected


def test_the_page_and_the_result_window(indexed):
    assert titles(indexed.search(ProductQuery(page=2, page_size=10))) == []
    # from 10,000: Elasticsearch (and the memory node) would refuse the request.
    beyond = indexed.search(ProductQuery(page=101, page_size=100))
    assert (beyond.ids, beyond.total) == ([], 3)
    assert beyond.counts["country"] == {"LU": 1, "FR": 2}


# (4) Rebuild, index and remove ----------------------------------------------------------


@pytest.fixture
def shop(db):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    catering = create_from_breadcrumbs("Food > Catering")
    cluster = NetworkFactory(name="SSE Cluster", slug="sse-cluster")
    lux = SupplierFactory(name="Lux Traiteur", country="LU", impact_areas=[ImpactAreaFactory(slug="disability")])
    NetworkMembershipFactory(network=cluster, supplier=lux)
    epicerie = SupplierFactory(name="Épicerie Solidaire", country="FR")
    hidden = SupplierFactory(name="Hidden Kitchen", unverified=True)
    buffet = service_for_supplier(supplier=lux, title="Buffet déjeuner", price=Decimal("18.00"))
    ProductCategory.objects.create(product=buffet, category=catering)
    made = {
        "buffet": buffet,
        "jam": goods_for_supplier(supplier=epicerie, title="Confiture", price=Decimal("4.29"), num_in_stock=0),
        "quote": product_for_supplier(supplier=epicerie, title="Corbeille sur devis", price=None),
    }
    goods_for_supplier(supplier=hidden, title="Secret", price=Decimal("1.00"))
    return made


def batches(size, ids=None):
    documents = list(product_documents(ids))
    return [documents[start : start + size] for start in range(0, len(documents), size)]


def test_rebuild_fills_a_new_product_index_then_swaps_the_alias_then_deletes_the_old_index(cluster, shop):
    accept_rebuilds(cluster, ALIAS, OLD_INDEX)
    done = []
    assert backend(cluster).rebuild(batches(2), progress=done.append) == 3

    assert done == [2, 1]
    assert_rebuilt_in_two_batches_then_swapped(cluster, ALIAS, OLD_INDEX)


def test_rebuild_sends_every_product_for_sale_with_its_price_in_cents_and_its_facets(cluster, shop):
    accept_rebuilds(cluster, ALIAS)
    backend(cluster).rebuild(batches(10))

    (bulk,) = cluster.sent("PUT", "/_bulk")
    sources = {int(meta["_id"]): source for _, meta, source in bulk_actions(bulk)}
    assert set(sources) == {product.pk for product in shop.values()}  # not the unverified supplier's
    documents = {doc.id: doc for doc in product_documents()}
    buffet = documents[shop["buffet"].pk]
    assert sources[buffet.id] == {
        "id": buffet.id,
        "title": "Buffet déjeuner",
        "description": buffet.description,
        "categories": "Food Catering",
        "supplier": "Lux Traiteur",
        "title_sort": "buffet dejeuner",
        "created": buffet.created.isoformat(),
        "price_cents": 1800,
        "category": ["food", "food/catering"],  # the parent too: selecting "food" finds it
        "kind": ["service"],
        "country": ["LU"],
        "impact": ["disability"],
        "network": ["sse-cluster"],
        "in_stock": ["yes"],
    }
    assert sources[shop["jam"].pk]["price_cents"] == 429
    assert sources[shop["jam"].pk]["in_stock"] == ["no"]
    assert sources[shop["jam"].pk]["title_sort"] == fold("Confiture")
    assert sources[shop["quote"].pk]["price_cents"] is None  # no price: outside every range, last in price sorts


def test_index_and_remove_write_products_through_the_alias(cluster, shop):
    products = backend(cluster)
    assert products.index(product_documents([shop["jam"].pk])) == 1
    products.remove([shop["buffet"].pk])

    assert cluster.calls() == [("HEAD", f"/_alias/{ALIAS}"), ("PUT", "/_bulk")] * 2
    written, removed = cluster.sent("PUT", "/_bulk")
    assert written.params == {"refresh": "wait_for", "require_alias": "true"}
    ((op, meta, source),) = bulk_actions(written)
    assert (op, meta, source["title"]) == ("index", {"_index": ALIAS, "_id": str(shop["jam"].pk)}, "Confiture")
    assert removed.body == [{"delete": {"_index": ALIAS, "_id": str(shop["buffet"].pk)}}]


def test_the_first_write_builds_the_whole_product_index_from_the_database(cluster, shop):
    accept_rebuilds(cluster, ALIAS)
    cluster.on("HEAD", rf"/_alias/{ALIAS}", (404, None))

    assert backend(cluster).index(product_documents([shop["jam"].pk])) == 1

    (bulk,) = cluster.sent("PUT", "/_bulk")
    assert {int(meta["_id"]) for _, meta, _ in bulk_actions(bulk)} == {product.pk for product in shop.values()}
    assert [list(action) for action in cluster.sent("POST", "/_aliases")[0].body["actions"]] == [["add"]]


def test_a_product_change_reaches_the_database_and_elasticsearch(cluster, shop, configured):
    configured(cluster)
    services.products_reindex([shop["jam"].pk, shop["buffet"].pk])

    (bulk,) = cluster.sent("PUT", "/_bulk")
    assert {meta["_id"] for _, meta, _ in bulk_actions(bulk)} == {str(shop["jam"].pk), str(shop["buffet"].pk)}
    assert {meta["_index"] for _, meta, _ in bulk_actions(bulk)} == {ALIAS}
    assert DatabaseBackend("products").search(ProductQuery(text="confiture")).ids == [shop["jam"].pk]


def test_the_rebuild_command_fills_both_indexes_on_elasticsearch(cluster, shop, configured):
    accept_rebuilds(cluster, ALIAS)
    accept_rebuilds(cluster, "responsible-suppliers")
    configured(cluster)
    call_command("search_index", "rebuild", "--no-progress")

    written = {
        int(meta["_id"])
        for request in cluster.sent("PUT", "/_bulk")
        for _, meta, _ in bulk_actions(request)
        if meta["_index"].startswith(f"{ALIAS}-")
    }
    assert written == {product.pk for product in shop.values()}
    assert DatabaseBackend("products").search(ProductQuery()).total == 3


# (5) Unreachable Elasticsearch: the database answers -----------------------------------


def test_when_elasticsearch_is_down_the_database_answers_products_and_a_warning_is_logged(
    cluster, shop, configured, caplog
):
    DatabaseBackend("products").rebuild(batches(10))
    configured(refuse_everything(cluster))

    with caplog.at_level(logging.WARNING, logger="search.backends"):
        result = backends.search(ProductQuery(text="confiture", price_max=Decimal("5")))

    assert (result.backend, result.ids) == ("database", [shop["jam"].pk])
    assert cluster.sent("POST", f"/{ALIAS}/_search")  # Elasticsearch was asked first
    (warning,) = [r for r in caplog.records if r.name == "search.backends"]
    assert warning.levelno == logging.WARNING
    assert "cannot reach Elasticsearch" in warning.getMessage()


@pytest.mark.parametrize(
    "failure",
    [error(503, "search_phase_execution_exception"), error(404, "index_not_found_exception")],
    ids=["503", "never built"],
)
def test_a_failing_or_missing_product_index_falls_back_to_the_database(cluster, shop, configured, failure):
    DatabaseBackend("products").rebuild(batches(10))
    cluster.on("POST", rf"/{ALIAS}/_search", failure)
    configured(cluster)

    result = backends.search(ProductQuery(sort="price"))

    assert result.backend == "database"
    assert result.ids == [shop["jam"].pk, shop["buffet"].pk, shop["quote"].pk]


def test_when_elasticsearch_answers_the_products_come_from_it(cluster, configured):
    cluster.on("POST", rf"/{ALIAS}/_search", (200, search_response([7], 1, facets=FACETS)))
    configured(cluster)

    result = backends.search(ProductQuery(text="miel"))

    assert (result.backend, result.ids, result.total) == ("elasticsearch", [7], 1)


def test_writes_to_an_unreachable_cluster_make_the_product_backend_unavailable(cluster, shop):
    products = backend(refuse_everything(cluster))
    with pytest.raises(BackendUnavailable):
        products.index(product_documents([shop["jam"].pk]))
    with pytest.raises(BackendUnavailable):
        products.remove([shop["jam"].pk])
    with pytest.raises(BackendUnavailable):
        products.rebuild(batches(10))
