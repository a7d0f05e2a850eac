"""The search contract for products, run against every available backend: for
random queries (text, facets, price range, sort, page), the hits, the total and
every facet count equal what a brute-force oracle computes in Python over the
same product documents.

The database backend always runs, and the Elasticsearch backend against a node
in memory (tests/search/elasticsearch_memory.py); against a real server too when
ELASTICSEARCH_URL is set in the environment (none on the build machines)."""

import os
import random
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import bitmaps
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ProductElasticsearchBackend
from search.interface import PRODUCT_SORTS, ProductQuery, fold, words
from search.product_documents import product_documents
from search.services import index_rebuild
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
from tests.search.elasticsearch_memory import MemoryElasticsearch
from tests.search.test_contract import SEED, VOCABULARY, spellings

Product = StockRecord._meta.apps.get_model("catalogue", "Product")
ProductCategory = StockRecord._meta.apps.get_model("catalogue", "ProductCategory")
PRICES = [None, Decimal("0.29"), Decimal("4.20"), Decimal("9.99"), Decimal("18.00"), Decimal("55.00")]
CATEGORIES = ["Food > Catering", "Food > Groceries", "Services > Printing", "Services"]


def build_world():
    """About forty products for sale from a dozen suppliers with overlapping
    facets and prices (some on quote only), plus products that must never be
    found: an unverified supplier's and a withdrawn one."""
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    rng = random.Random(SEED)
    categories = [create_from_breadcrumbs(path) for path in CATEGORIES]
    impacts = [ImpactAreaFactory(slug=slug) for slug in ("work-integration", "disability")]
    networks = [NetworkFactory(slug=slug) for slug in ("cluster", "noord")]
    suppliers = []
    for number in range(12):
        supplier = SupplierFactory(
            name=f"Supplier {number}",
            country=rng.choice(["LU", "FR", "DE"]),
            impact_areas=rng.sample(impacts, rng.randint(0, 2)),
        )
        if rng.random() < 0.5:
            NetworkMembershipFactory(network=rng.choice(networks), supplier=supplier)
        suppliers.append(supplier)
    hidden = SupplierFactory(name="Supplier hidden", unverified=True)
    start = timezone.now() - timedelta(days=100)
    for number in range(44):
        supplier = hidden if number % 15 == 14 else rng.choice(suppliers)
        make = rng.choice([goods_for_supplier, service_for_supplier, product_for_supplier])
        title_words = rng.sample(VOCABULARY, 2)
        # Names of one to three words besides the number: relevance prefers the shorter.
        name = [title_words[0].title(), *VOCABULARY[number % 7 : number % 7 + number % 3]]
        product = make(
            supplier=supplier,
            title=" ".join([*name, str(number)]),
            description=f"Made with {title_words[1]}.",
            price=rng.choice(PRICES),
            num_in_stock=rng.choice([0, 5]),
            is_public=number % 20 != 19,
        )
        for category in rng.sample(categories, rng.randint(0, 2)):
            ProductCategory.objects.create(product=product, category=category)
        # Distinct creation times in an order unlike the ids (auto_now_add would make them nearly equal).
        Product.objects.filter(pk=product.pk).update(date_created=start + timedelta(hours=rng.randrange(2000)))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_world()
        index_rebuild(indexes=["products"])
        yield list(product_documents())
        transaction.set_rollback(True)


def available_backends():
    backends = [
        pytest.param(lambda: DatabaseBackend("products"), id="database"),
        # The Elasticsearch backend's queries and answers, run by a node in memory (no analysis: see there).
        pytest.param(lambda: MemoryElasticsearch.backend(ProductElasticsearchBackend), id="elasticsearch-in-memory"),
    ]
    if os.environ.get("ELASTICSEARCH_URL"):
        backends.append(
            pytest.param(lambda: ProductElasticsearchBackend(os.environ["ELASTICSEARCH_URL"]), id="elasticsearch")
        )
    return backends


@pytest.fixture(params=available_backends())
def backend(request, world):
    backend = request.param()
    if backend.name != "database":
        backend.rebuild([world])
    return backend


# The oracle ---------------------------------------------------------------------


def oracle(documents, query: ProductQuery):
    def text_matches(doc):
        doc_words = words(doc.name) + words(doc.body)
        return all(any(word.startswith(term) for word in doc_words) for term in query.terms)

    def priced(doc):
        if query.price_min is None and query.price_max is None:
            return True
        return (
            doc.price is not None
            and (query.price_min is None or doc.price >= query.price_min)
            and (query.price_max is None or doc.price <= query.price_max)
        )

    def filtered(docs, filters):
        return [d for d in docs if all(set(d.facets[f]) & set(values) for f, values in filters.items())]

    base = [d for d in documents if text_matches(d) and priced(d)]
    hits = filtered(base, query.active_filters())
    counts = {
        facet: dict(Counter(value for d in filtered(base, query.without(facet)) for value in set(d.facets[facet])))
        for facet in query.facet_names()
    }
    orders = {
        "newest": lambda d: (-d.created.timestamp(), d.id),
        "price": lambda d: (d.price is None, d.price or 0, d.id),
        "price_desc": lambda d: (d.price is None, -(d.price or 0), d.id),
    }
    hits.sort(key=orders.get(query.effective_sort, lambda d: (fold(d.title), d.id)))
    return hits, counts


# Queries -------------------------------------------------------------------------

FACET_VALUES = {
    "category": ["food", "food/catering", "food/groceries", "services", "services/printing"],
    "kind": ["goods", "service"],
    "country": ["LU", "FR", "DE", "BE"],
    "impact": ["work-integration", "disability"],
    "network": ["cluster", "noord"],
    "in_stock": ["yes", "no"],
}


def product_query(text, filters, prices, sort, page):
    price_min, price_max = prices
    if price_min is not None and price_max is not None and price_min > price_max:
        price_min, price_max = price_max, price_min
    return ProductQuery(
        text=text,
        filters={f: v for f, v in filters.items() if v},
        price_min=price_min,
        price_max=price_max,
        sort=sort,
        page=page,
        page_size=10,
    )


queries = st.builds(
    product_query,
    text=st.one_of(
        st.just(""),
        st.sampled_from(VOCABULARY).flatmap(spellings),
        st.lists(st.sampled_from(VOCABULARY).flatmap(spellings), min_size=2, max_size=2).map(" ".join),
    ),
    filters=st.fixed_dictionaries(
        {
            facet: st.lists(st.sampled_from(values), max_size=2, unique=True).map(tuple)
            for facet, values in FACET_VALUES.items()
        }
    ),
    prices=st.tuples(st.sampled_from(PRICES), st.sampled_from(PRICES)),
    sort=st.sampled_from(["", *PRODUCT_SORTS]),
    page=st.integers(min_value=1, max_value=3),
)


@pytest.mark.django_db
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
def test_products_and_every_facet_count_equal_the_oracle(backend, world, query):
    expected_hits, expected_counts = oracle(world, query)

    found = backend.search(query)

    assert found.total == len(expected_hits)
    page = slice(query.offset, query.offset + query.page_size)
    if query.effective_sort == "relevance":
        assert set(found.ids) <= {d.id for d in expected_hits}
        assert len(found.ids) == len(expected_hits[page])
    else:
        assert found.ids == [d.id for d in expected_hits[page]]
    for facet in query.facet_names():
        nonzero = {value: n for value, n in found.counts.get(facet, {}).items() if n}
        assert nonzero == expected_counts[facet], facet


def test_the_world_exercises_every_facet_and_price_case(world):
    for facet in ProductQuery.facet_names():
        assert {value for doc in world for value in doc.facets[facet]} >= set(FACET_VALUES[facet]) - {"BE"}, facet
    assert any(doc.price is None for doc in world)
    assert len({doc.price for doc in world}) == len(PRICES)
    assert not any(doc.supplier == "Supplier hidden" for doc in world)
    assert 30 <= len(world) < 44


def relevance_page(documents, query):
    """The page of the oracle's hits by relevance: more of the query's words
    starting a word of the name first, then shorter names, then by title."""

    def relevance(doc):
        name = words(doc.name)
        named = sum(any(word.startswith(term) for word in name) for term in query.terms)
        return (-named, min(len(name), bitmaps.LONGEST_NAME) if named else 0, fold(doc.title), doc.id)

    hits, _counts = oracle(documents, query)
    hits.sort(key=relevance)
    return [doc.id for doc in hits[query.offset : query.offset + query.page_size]]


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries.filter(lambda query: query.terms).map(lambda query: query.replace(sort="", page_size=3)))
def test_relevance_pages_equal_the_oracle(world, query):
    """Pages of 3, as a text matches about ten products of this world: the
    groups of equal relevance a page starts in, spans and skips all vary."""
    bitmaps.clear_word_caches()
    backend = DatabaseBackend("products")

    assert backend.search(query).ids == relevance_page(world, query)
    assert backend.search(query).ids == relevance_page(world, query)  # the words remembered
    unfiltered = query.replace(filters={}, price_min=None, price_max=None)
    assert backend.search(unfiltered).ids == relevance_page(world, unfiltered)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries.filter(lambda query: query.effective_sort != "relevance"))
def test_pages_walked_block_by_block_equal_the_oracle(world, monkeypatch, query):
    """Pages of many hits walk the sort order after skipping whole blocks of it
    (pages of few hits are sorted instead): with tiny blocks and no sorting, the
    database backend's pages of this small world take that path."""
    monkeypatch.setattr(bitmaps, "SPARSE", 0)
    monkeypatch.setattr(bitmaps, "BLOCK", 3)
    monkeypatch.setattr(bitmaps, "_snapshots", {})  # the blocks are cut when a snapshot loads
    expected, _counts = oracle(world, query)

    found = DatabaseBackend("products").search(query)

    assert found.ids == [doc.id for doc in expected[query.offset : query.offset + query.page_size]]
