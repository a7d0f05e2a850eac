"""The benchmark's parts at a small size: the generator is deterministic and
writes what it planned, the query mix is as described, and the naive baseline
answers like the search service wherever text matching plays no part. No
timings are asserted: bench/run.py reports them as ratios."""

from collections import Counter

import pytest
from oscar.core.loading import get_model

from bench.baseline import baseline_search
from bench.generate import generate, plan_suppliers
from bench.queries import CATEGORIES, build_queries
from marketplace.organisations.models import NetworkMembership, Supplier
from search.documents import supplier_documents
from search.interface import SupplierQuery
from search.selectors import supplier_search

StockRecord = get_model("partner", "StockRecord")

SIZE, QUERIES, SEED = 60, 20, 7


@pytest.fixture
def generated(db):
    return generate(SIZE, SEED)


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
    assert {len(p.products) for p in plans} == {0, 1, 2, 3, 4, 5}


def test_the_database_holds_what_was_planned(generated):
    plans, report = generated
    verified = [p for p in plans if p.verified]
    documents = {doc.slug: doc for doc in supplier_documents()}
    assert {p.slug: p.facets for p in verified} == {slug: doc.facets for slug, doc in documents.items()}
    assert Supplier.objects.count() == SIZE
    assert StockRecord.objects.count() == report.products == sum(len(p.products) for p in plans)
    assert NetworkMembership.objects.count() == report.network_memberships
    assert report.indexed == len(verified)
    assert report.scheduled_reindex_ids == 0  # bulk inserts schedule no second indexing


def test_generating_twice_into_one_database_is_refused(generated):
    with pytest.raises(RuntimeError, match="already holds generated suppliers"):
        generate(SIZE, SEED)


def test_queries_are_a_valid_mix_of_four_categories():
    queries = build_queries(plan_suppliers(SIZE, SEED), QUERIES, SEED)
    assert Counter(q.category for q in queries) == dict.fromkeys(CATEGORIES, QUERIES // 4)
    for query in queries:
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
    assert sum(q.category == "facets" for q in queries) == QUERIES // 4
    found_some = 0
    for bench_query in queries:
        query = SupplierQuery.from_params(bench_query.params)
        found = supplier_search(query)
        expected = baseline_search(query)
        counts = {facet: {c.value: c.count for c in shown if c.count} for facet, shown in found.facets.items()}
        assert (found.total, counts) == (expected.total, expected.counts), str(bench_query)
        found_some += found.total > 0
    assert found_some >= QUERIES // 4  # every facet-only query finds the supplier it was drawn from
