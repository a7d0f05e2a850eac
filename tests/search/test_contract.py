"""The search contract, run against every available backend: for random
queries, the hits, the total and every facet count equal what a brute-force
oracle computes in Python over the same suppliers.

The database backend always runs, and the Elasticsearch backend against a node
in memory (tests/search/elasticsearch_memory.py: its queries, aggregations, sorts
and pages, without Elasticsearch's analysis); against a real server too when
ELASTICSEARCH_URL is set in the environment (none on the build machines)."""

import os
import random
from collections import Counter

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.deductions.models import LegalStatus
from marketplace.deductions.rules import Status
from marketplace.verification.models import Decision
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import supplier_documents
from search.interface import FACET_NAMES, SORTS, SupplierQuery, words
from search.services import index_rebuild
from tests.factories import (
    ImpactAreaFactory,
    LabelFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    product_for_supplier,
)
from tests.search.elasticsearch_memory import MemoryElasticsearch

# Words far enough apart that no typo tolerance turns one into another.
VOCABULARY = ["réemploi", "küche", "cleaning", "printing", "bakery", "textile", "bicycle", "garden", "laptop", "meals"]
SEED = 20261125


def build_world():
    """About forty verified suppliers with overlapping facets, plus a few
    unverified ones that must never be found."""
    rng = random.Random(SEED)
    food = SectorFactory(name="Food", slug="food")
    building = SectorFactory(name="Construction", slug="construction")
    subsectors = [
        SectorFactory(name="Catering", slug="catering", parent=food),
        SectorFactory(name="Local food", slug="local-food", parent=food),
        SectorFactory(name="Reused materials", slug="reused-materials", parent=building),
        SectorFactory(name="Renovation", slug="renovation", parent=building),
    ]
    sectors = [food, building, *subsectors]
    regions = [
        RegionFactory(country="LU", name="Luxembourg", slug="lu-lux"),
        RegionFactory(country="FR", name="Lorraine", slug="fr-lorraine"),
        RegionFactory(country="FR", name="Alsace", slug="fr-alsace"),
        RegionFactory(country="DE", name="Saarland", slug="de-saarland"),
    ]
    impacts = [ImpactAreaFactory(slug=slug) for slug in ("work-integration", "disability", "circular")]
    labels = [LabelFactory(slug=slug) for slug in ("esus", "b-corp")]
    networks = [NetworkFactory(slug=slug) for slug in ("cluster", "noord")]
    legal_forms = ["cooperative", "association", "foundation"]
    for number in range(44):
        region = rng.choice(regions)
        name_words = rng.sample(VOCABULARY, 2)
        # Its own region is the area served, but for some: their whole country, or two regions.
        if number % 5 == 0:
            served = {"served_countries": [region.country.code]}
        else:
            served = {"served_regions": [region, regions[number % 4]]} if number % 3 == 0 else {}
        supplier = SupplierFactory(
            **served,
            name=f"{name_words[0].title()} {number}",
            description=f"We do {name_words[1]} work with {rng.choice(VOCABULARY)}.",
            country=region.country.code,
            region=region,
            legal_form=rng.choice(legal_forms),
            sectors=rng.sample(sectors, rng.randint(1, 2)),
            impact_areas=rng.sample(impacts, rng.randint(0, 2)),
            labels=rng.sample(labels, rng.randint(0, 1)),
            unverified=number % 11 == 10,
        )
        if rng.random() < 0.5:
            NetworkMembershipFactory(network=rng.choice(networks), supplier=supplier, signed=rng.random() < 0.5)
        if number % 6 == 1:  # a verified ESAT: it may take contracts reserved in France
            LegalStatus.objects.create(
                supplier=supplier, status=Status.FR_ESAT, registry_reference="ESAT 1", decision=Decision.VERIFIED
            )
        if rng.random() < 0.5:
            product_for_supplier(supplier=supplier, title=f"{rng.choice(VOCABULARY).title()} kit")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_world()
        index_rebuild()
        documents = list(supplier_documents())
        yield documents
        transaction.set_rollback(True)


def available_backends():
    backends = [
        pytest.param(DatabaseBackend, id="database"),
        # The Elasticsearch backend's queries and answers, run by a node in memory (no analysis: see there).
        pytest.param(lambda: MemoryElasticsearch.backend(ElasticsearchBackend), id="elasticsearch-in-memory"),
    ]
    if os.environ.get("ELASTICSEARCH_URL"):
        backends.append(pytest.param(lambda: ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"]), id="elasticsearch"))
    return backends


@pytest.fixture(params=available_backends())
def backend(request, world):
    backend = request.param()
    if backend.name != "database":
        backend.rebuild([world])
    return backend


# The oracle ---------------------------------------------------------------------


def oracle(documents, query: SupplierQuery):
    def text_matches(doc):
        doc_words = words(doc.name) + words(doc.body)
        return all(any(word.startswith(term) for word in doc_words) for term in query.terms)

    def filtered(docs, filters):
        return [d for d in docs if all(set(d.facets[f]) & set(values) for f, values in filters.items())]

    base = [d for d in documents if text_matches(d)]
    hits = filtered(base, query.active_filters())
    counts = {
        facet: dict(Counter(value for d in filtered(base, query.without(facet)) for value in set(d.facets[facet])))
        for facet in FACET_NAMES
    }
    if query.effective_sort == "newest":
        hits.sort(key=lambda d: (-d.created.timestamp(), d.id))
    else:
        hits.sort(key=lambda d: (d.name_sort, d.id))
    return hits, counts


# Queries -------------------------------------------------------------------------

FACET_VALUES = {
    "sector": ["food", "construction", "catering", "local-food", "reused-materials", "renovation"],
    "country": ["LU", "FR", "DE", "BE"],
    "region": ["lu-lux", "fr-lorraine", "fr-alsace", "de-saarland"],
    "serves": ["LU", "FR", "DE", "lu-lux", "fr-lorraine", "fr-alsace", "de-saarland"],
    "impact": ["work-integration", "disability", "circular"],
    "label": ["esus", "b-corp", "charter-cluster", "charter-noord"],
    "legal_form": ["cooperative", "association", "foundation", "sheltered_workshop"],
    "network": ["cluster", "noord"],
    "sells_online": ["yes", "no"],
}


def spellings(word):
    """A word as a person might type it: whole, a prefix, in capitals, without
    accents, or the middle of a word (which must not match: words match by their start)."""
    return st.sampled_from([word, word[: max(3, len(word) - 2)], word.upper(), "".join(words(word)), word[2:]])


queries = st.builds(
    lambda text, filters, sort, page: SupplierQuery(
        text=text, filters={f: v for f, v in filters.items() if v}, sort=sort, page=page, page_size=10
    ),
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
    sort=st.sampled_from(["", *SORTS]),
    page=st.integers(min_value=1, max_value=3),
)


@pytest.mark.django_db
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
def test_results_and_every_facet_count_equal_the_oracle(backend, world, query):
    expected_hits, expected_counts = oracle(world, query)

    found = backend.search(query)

    assert found.total == len(expected_hits)
    page = slice(query.offset, query.offset + query.page_size)
    if query.effective_sort == "relevance":
        # Ranking is the backend's own; the page must still hold matching suppliers only.
        assert set(found.ids) <= {d.id for d in expected_hits}
        assert len(found.ids) == len(expected_hits[page])
    else:
        assert found.ids == [d.id for d in expected_hits[page]]
    for facet in FACET_NAMES:
        nonzero = {value: n for value, n in found.counts.get(facet, {}).items() if n}
        assert nonzero == expected_counts[facet], facet


def test_the_world_exercises_every_facet(world):
    """Guards the fixture itself: every facet has values in the data, so the
    property above compares real counts, and unverified suppliers are absent."""
    for facet in FACET_NAMES:
        assert {value for doc in world for value in doc.facets[facet]}, facet
    assert len(world) == 40
