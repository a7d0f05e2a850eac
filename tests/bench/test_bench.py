"""The benchmark's parts at a small size: the generator is deterministic and
writes what it planned, the query mixes are as described, and the naive
baselines answer like the search services wherever text matching plays no
part. No timings are asserted: bench/run.py reports them as ratios."""

from collections import Counter
from statistics import median

import pytest
from oscar.core.loading import get_model

from bench import sqlprofile
from bench.baseline import baseline_product_search, baseline_search
from bench.generate import CATEGORY_OF, generate, plan_suppliers
from bench.queries import CATEGORIES, PRODUCT_CATEGORIES, TOWNS, build_product_queries, build_queries
from marketplace.organisations.models import NetworkMembership, Supplier
from search.backends import fulltext
from search.documents import supplier_documents
from search.geo import RADII_KM, parse_coordinates
from search.interface import SupplierQuery
from search.selectors import supplier_search

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

SIZE, PRODUCTS, QUERIES, SEED = 60, 300, 20, 7


@pytest.fixture
def generated(db):
    return generate(SIZE, SEED, products=PRODUCTS)


def test_same_seed_gives_the_same_suppliers_and_queries():
    first, second = plan_suppliers(SIZE, SEED), plan_suppliers(SIZE, SEED)
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.facets for p in first] == [p.facets for p in second]
    assert build_queries(first, QUERIES, SEED) == build_queries(second, QUERIES, SEED)


def test_another_seed_gives_other_suppliers():
    assert [p.name for p in plan_suppliers(SIZE, SEED)] != [p.name for p in plan_suppliers(SIZE, SEED + 1)]


def test_names_are_unique_and_the_mix_varies():
    plans = plan_suppliers(500, SEED)
    assert len({p.name for p in plans}) == len({p.slug for p in plans}) == 500
    assert 0.8 < sum(p.verified for p in plans) / 500 < 0.97
    assert 0.5 < sum(bool(p.products) for p in plans) / 500 < 0.7
    assert {len(p.sectors) for p in plans} == {1, 2, 3}
    assert {len(p.impact_areas) for p in plans} == {0, 1, 2, 3}
    assert {len(p.labels) for p in plans} == {0, 1, 2}
    assert {(bool(p.network), p.signed_charter) for p in plans} == {(False, False), (True, False), (True, True)}
    assert all(bool(p.products) == p.sells for p in plans)


def test_the_database_holds_what_was_planned(generated):
    plans, report = generated
    verified = [p for p in plans if p.verified]
    documents = {doc.slug: doc for doc in supplier_documents()}
    assert {p.slug: p.facets for p in verified} == {slug: doc.facets for slug, doc in documents.items()}
    assert Supplier.objects.count() == SIZE
    assert StockRecord.objects.count() == report.products == sum(len(p.products) for p in plans) == PRODUCTS
    assert NetworkMembership.objects.count() == report.network_memberships
    assert report.indexed["suppliers"] == len(verified)
    assert report.indexed["products"] == report.searchable_products
    assert report.scheduled_reindex_ids == 0  # bulk inserts schedule no second indexing


def test_generating_twice_into_one_database_is_refused(generated):
    with pytest.raises(RuntimeError, match="already holds generated suppliers"):
        generate(SIZE, SEED, products=PRODUCTS)


def test_queries_are_a_valid_mix_of_five_categories():
    queries = build_queries(plan_suppliers(SIZE, SEED), QUERIES, SEED)
    assert Counter(q.category for q in queries) == dict.fromkeys(CATEGORIES, QUERIES // 5)
    for query in queries:
        if query.category == "distance":
            # A town's name is read through the gazetteer (the database); checked in the next test.
            (near,) = query.params["near"]
            assert near in TOWNS or parse_coordinates(near)
            assert int(query.params["within"][0]) in RADII_KM
            continue
        parsed = SupplierQuery.from_params(query.params)
        assert bool(parsed.terms) == query.has_text
        if query.category == "deep":
            assert parsed.page >= 20
        if query.category == "text+facets":
            assert len(parsed.active_filters()) == 3
        if query.category == "facets":
            assert 1 <= len(parsed.active_filters()) <= 3
            assert all(1 <= len(values) <= 2 for values in parsed.active_filters().values())


def test_baseline_agrees_with_the_search_service_without_text(generated):
    plans, _ = generated
    queries = [q for q in build_queries(plans, QUERIES, SEED) if not q.has_text]
    assert sum(q.category == "facets" for q in queries) == QUERIES // 5
    assert sum(q.category == "distance" for q in queries) == QUERIES // 5
    found_some = 0
    for bench_query in queries:
        query = SupplierQuery.from_params(bench_query.params)
        found = supplier_search(query)
        expected = baseline_search(query)
        counts = {facet: {c.value: c.count for c in shown if c.count} for facet, shown in found.facets.items()}
        assert (found.total, counts) == (expected.total, expected.counts), str(bench_query)
        found_some += found.total > 0
    assert found_some >= QUERIES // 4  # every facet-only query finds the supplier it was drawn from


# Products --------------------------------------------------------------------------


def test_same_seed_gives_the_same_products_and_queries():
    first, second = plan_suppliers(SIZE, SEED), plan_suppliers(SIZE, SEED)
    assert [p.products for p in first] == [p.products for p in second]
    assert build_product_queries(first, QUERIES, SEED) == build_product_queries(second, QUERIES, SEED)
    other = plan_suppliers(SIZE, SEED + 1)
    assert [p.products for p in first] != [p.products for p in other]


def test_the_product_count_does_not_change_the_suppliers():
    fewer, more = plan_suppliers(SIZE, SEED, products=100), plan_suppliers(SIZE, SEED, products=1000)
    assert [p.name for p in fewer] == [p.name for p in more]
    assert sum(len(p.products) for p in fewer) == 100
    assert sum(len(p.products) for p in more) == 1000


def test_products_are_skewed_and_varied():
    plans = plan_suppliers(500, SEED)
    products = [product for plan in plans for product in plan.products]
    assert len(products) == 5000
    assert len({p.upc for p in products}) == 5000
    per_seller = [len(p.products) for p in plans if p.sells]
    assert min(per_seller) >= 1 and max(per_seller) > 5 * median(per_seller)
    assert Counter(p.kind for p in products).keys() == {"goods", "service"}
    goods = [p for p in products if p.kind == "goods"]
    assert 0.10 < sum(p.stock == 0 for p in goods) / len(goods) < 0.20
    assert all(p.stock > 0 for p in products if p.kind == "service")
    assert 0.94 < sum(p.public for p in products) / len(products) < 0.99
    assert {p.sector for p in products} == set(CATEGORY_OF)
    assert len({p.price for p in products}) > 1000
    assert len({p.title for p in products}) > 500
    assert any(c != c.encode("ascii", "ignore").decode() for p in products for c in p.title)  # accents


def test_the_database_holds_the_planned_products(generated):
    plans, report = generated
    planned = {product.upc: (plan, product) for plan in plans for product in plan.products}
    rows = Product.objects.filter(upc__in=planned).values_list(
        "upc", "title", "is_public", "product_class__slug", "date_created"
    )
    assert len(rows) == Product.objects.count() == report.products
    for upc, title, public, kind, created in rows:
        product = planned[upc][1]
        assert (title, public, kind, created) == (product.title, product.public, product.kind, product.created)
    stock = {
        sku: (price, num, supplier)
        for sku, price, num, supplier in StockRecord.objects.values_list(
            "partner_sku", "price", "num_in_stock", "partner__supplier__slug"
        )
    }
    assert stock == {upc: (p.price, p.stock, plan.slug) for upc, (plan, p) in planned.items()}
    paths = {c.pk: c.full_slug for c in Category.objects.all()}
    assert {
        upc: paths[category] for upc, category in ProductCategory.objects.values_list("product__upc", "category")
    } == {upc: p.category for upc, (_, p) in planned.items()}
    assert report.searchable_products == sum(len(p.searchable_products) for p in plans)


def test_product_queries_are_a_valid_mix_of_five_kinds():
    plans = plan_suppliers(SIZE, SEED)
    queries = build_product_queries(plans, QUERIES, SEED)
    assert Counter(q.category for q in queries) == dict.fromkeys(PRODUCT_CATEGORIES, QUERIES // 5)
    for query in queries:
        if query.category in ("text", "text+facets"):
            assert query.has_text
        if query.category in ("facets", "price"):
            assert not query.has_text
        if query.category == "deep":
            assert int(query.params["page"][0]) >= 20
        if query.category == "price":
            assert {"price_min", "price_max"} & query.params.keys()
        if query.category == "text+facets":
            assert len(query.params) == 4
    interface = pytest.importorskip("search.interface")
    if not hasattr(interface, "ProductQuery"):
        pytest.skip("search.interface has no ProductQuery yet")
    for query in queries:
        parsed = interface.ProductQuery.from_params(query.params)
        assert bool(parsed.terms) == query.has_text


def test_product_baseline_agrees_with_the_product_search_without_text(generated):
    selectors = pytest.importorskip("search.selectors")
    if not hasattr(selectors, "product_search"):
        pytest.skip("search.selectors has no product_search yet")
    from search.interface import ProductQuery

    plans, _ = generated
    queries = [q for q in build_product_queries(plans, QUERIES, SEED) if not q.has_text]
    found_some = 0
    for bench_query in queries:
        query = ProductQuery.from_params(bench_query.params)
        found = selectors.product_search(query)
        expected = baseline_product_search(query)
        counts = {
            facet: {c.value: c.count for c in found.facets.get(facet, ()) if c.count} for facet in expected.counts
        }
        assert (found.total, counts) == (expected.total, expected.counts), str(bench_query)
        found_some += found.total > 0
    assert found_some >= QUERIES // 5  # every facet-only query finds the product it was drawn from


@pytest.mark.parametrize("text", [fulltext.SqliteFullText, fulltext.PostgresFullText])
def test_the_profile_names_full_text_statements(text):
    for index in (fulltext.TABLE, fulltext.PRODUCT_TABLE):
        assert sqlprofile.classify(text(index).term_sql("pain")[0]) == "full text: a word's matches"
        assert sqlprofile.classify(text(index).term_sql("pain", among=[3, 5])[0]) == "full text: a word's matches"


def test_write_to_visibility_finds_each_renamed_product(transactional_db):
    # Committed transactions: the reindex is scheduled at commit, as in the benchmark.
    from bench.visibility import write_to_visibility

    generate(SIZE, SEED, products=PRODUCTS)
    measured = write_to_visibility(samples=3)
    assert measured["samples"] == 3
    assert measured["p50_ms"] <= measured["max_ms"]
    assert Product.objects.filter(title__contains="visibility0x").count() == 3


def test_searches_during_writes_are_timed_in_another_process_while_products_are_renamed(transactional_db):
    from bench.visibility import searches_during_writes

    plans, _ = generate(SIZE, SEED, products=PRODUCTS)
    queries = [query.params for query in build_product_queries(plans, QUERIES, SEED)]
    measured = searches_during_writes(queries, reference=("the goal's p95", 30.0), writes=3)
    assert (measured["queries"], measured["writes"]) == (QUERIES, 3)
    assert measured["searches"] >= 1
    assert measured["quiet"]["p50_ms"] <= measured["quiet"]["p95_ms"] <= measured["quiet"]["max_ms"]
    assert measured["met"] == (measured["during"]["p95_ms"] <= 30.0)
    assert Product.objects.filter(title__contains="visibility0w").count() == 3
