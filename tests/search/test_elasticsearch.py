"""The Elasticsearch backend without an Elasticsearch server: the real client
talks to a fake node that records every request (method, path, parameters,
body) and answers with recorded responses, or a node in memory
(tests/search/elasticsearch_memory.py) that keeps the documents and runs the
queries. What a search finds is tested through the memory node, as a person
sees it (hits, totals, counts, order); the mapping and the analysis, which the
memory node does not run, are pinned as configuration; the shared contract
suite runs against a real cluster too where ELASTICSEARCH_URL is set."""

import logging
from datetime import timedelta

import elastic_transport
import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from elasticsearch import BadRequestError, helpers

from marketplace.organisations.models import Supplier
from search import backends
from search.backends import BackendUnavailable
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import supplier_documents
from search.interface import FACET_NAMES, SupplierQuery
from tests.factories import (
    ImpactAreaFactory,
    LabelFactory,
    NetworkMembershipFactory,
    SectorFactory,
    SupplierFactory,
    product_for_supplier,
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
    language_fields,
    refuse_everything,
    search_response,
)
from tests.search.elasticsearch_memory import MemoryElasticsearch

ALIAS = "responsible-suppliers"
OLD_INDEX = "responsible-suppliers-20240101-000000-000000"
TEXT_FIELDS = ("name", "description", "sectors", "products")


@pytest.fixture
def cluster():
    cluster = FakeCluster()
    cluster.on("POST", rf"/{ALIAS}/_search", (200, search_response()))
    cluster.on("PUT", r"/_bulk", bulk_ok)
    cluster.on("HEAD", rf"/_alias/{ALIAS}", (200, None))
    return cluster


def searched(cluster, **query):
    cluster.backend().search(SupplierQuery(**query))
    (request,) = cluster.sent("POST", f"/{ALIAS}/_search")
    return request.body


# (1) The mapping -----------------------------------------------------------------


@pytest.fixture
def created_index(cluster):
    """The body of the index creation a rebuild sends."""
    cluster.on("PUT", r"/responsible-suppliers-[\w-]+", (200, {"acknowledged": True}))
    cluster.on("POST", r"/responsible-suppliers-[\w-]+/_refresh", (200, {}))
    cluster.on("GET", rf"/_alias/{ALIAS}", error(404, "aliases_not_found_exception"))
    cluster.on("POST", r"/_aliases", (200, {"acknowledged": True}))
    cluster.backend().rebuild([])
    (creation,) = [r for r in cluster.requests if r.method == "PUT" and r.path != "/_bulk"]
    return creation.body


def test_every_text_field_is_folded_with_a_stemmed_sub_field_per_language(created_index):
    analysis = created_index["settings"]["analysis"]
    assert analysis["tokenizer"]["words"] == {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}
    serbian_latin = analysis["char_filter"]["serbian_latin"]
    assert serbian_latin["type"] == "mapping"
    assert {"ч => č", "Љ => Lj", "ђ => đ", "џ => dž"} <= set(serbian_latin["mappings"])
    assert analysis["analyzer"]["folded"] == {
        "type": "custom",
        "tokenizer": "words",
        "char_filter": ["serbian_latin"],
        "filter": ["lowercase", "asciifolding"],
    }
    stemmers = {"french": "light_french", "german": "light_german", "dutch": "dutch", "english": "english"}
    for language, stemmer in stemmers.items():
        assert analysis["analyzer"][f"{language}_folded"] == {
            "type": "custom",
            "tokenizer": "words",
            "char_filter": ["serbian_latin"],
            "filter": ["lowercase", "asciifolding", f"{language}_stop", f"{language}_stemmer"],
        }
        assert analysis["filter"][f"{language}_stop"] == {"type": "stop", "stopwords": f"_{language}_"}
        assert analysis["filter"][f"{language}_stemmer"] == {"type": "stemmer", "language": stemmer}
    # No Serbian stemmer in Elasticsearch; its normalisation also reads "đ" as "dj".
    assert analysis["analyzer"]["serbian_folded"] == {
        "type": "custom",
        "tokenizer": "words",
        "char_filter": ["serbian_latin"],
        "filter": ["lowercase", "serbian_normalization", "asciifolding"],
    }

    properties = created_index["mappings"]["properties"]
    for name in TEXT_FIELDS:
        assert properties[name] == {
            "type": "text",
            "analyzer": "folded",
            "fields": {language: {"type": "text", "analyzer": f"{language}_folded"} for language in LANGUAGES},
        }


def test_facets_sorts_and_identity_are_keyword_date_and_long_fields_of_a_strict_mapping(created_index):
    mappings = created_index["mappings"]
    assert mappings["dynamic"] == "strict"
    for facet in FACET_NAMES:
        assert mappings["properties"][facet] == {"type": "keyword"}
    assert mappings["properties"]["slug"] == {"type": "keyword"}
    assert mappings["properties"]["name_sort"] == {"type": "keyword"}
    assert mappings["properties"]["created"] == {"type": "date"}
    assert mappings["properties"]["id"] == {"type": "long"}
    assert mappings["properties"]["location"] == {"type": "geo_point"}
    assert set(mappings["properties"]) == {*TEXT_FIELDS, *FACET_NAMES, "slug", "name_sort", "created", "id", "location"}


# (2) What a search finds: the backend's queries run by a node in memory ------------
#
# (tests/search/elasticsearch_memory.py evaluates the queries, aggregations, sorts and
# pages the backend sends, without Elasticsearch's analysis: the mapping above and the
# live suites stand for that. tests/search/test_contract.py runs the same node through
# the database backend's random cases.)


@pytest.fixture
def node():
    """The production backend, its client talking to an empty Elasticsearch node in memory."""
    return MemoryElasticsearch.backend(ElasticsearchBackend)


@pytest.fixture
def indexed(node, suppliers):
    node.rebuild([list(supplier_documents())])
    return node


def names(result):
    suppliers = Supplier.objects.in_bulk(result.ids)
    return [suppliers[pk].name for pk in result.ids]


def test_without_text_or_filters_every_verified_supplier_is_found_by_name_with_every_facet_counted(indexed, suppliers):
    result = indexed.search(SupplierQuery())

    assert result.backend == "elasticsearch"
    assert names(result) == ["Atelier Bois", "Pain d'Épices Solidaire", "Vélo Réemploi"]
    assert result.total == 3
    assert result.counts["sells_online"] == {"yes": 1, "no": 2}  # only Pain d'Épices has a product
    bakery = suppliers[0].sectors.get()
    assert result.counts["sector"][bakery.slug] == result.counts["sector"][bakery.parent.slug] == 1  # and Food
    assert sum(result.counts["country"].values()) == 3
    # Every facet with a value counted; one without (as on the database backend) left out.
    assert set(result.counts) == {facet for facet in FACET_NAMES if any(d.facets[facet] for d in supplier_documents())}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Réemploi  VÉLO!", ["Vélo Réemploi"]),  # every word, folded
        ("reem", ["Vélo Réemploi"]),  # the start of a word
        ("reemplou", ["Vélo Réemploi"]),  # a typo
        ("emploi", []),  # the middle of a word is not a start, even as a near miss
        ("pain velo", []),  # every word is required
        ("gingerbread", ["Pain d'Épices Solidaire"]),  # its products
        ("bakery", ["Pain d'Épices Solidaire"]),  # its sectors
    ],
)
def test_every_query_word_must_start_a_word_or_be_a_near_miss_of_one(indexed, text, found):
    assert names(indexed.search(SupplierQuery(text=text))) == found


def test_selected_facets_narrow_the_hits_and_each_facet_counts_without_its_own_selection(indexed):
    # Pain d'Épices (FR) sells online; Vélo Réemploi (LU) and Atelier Bois (FR) do not.
    result = indexed.search(SupplierQuery(filters={"sells_online": ("no",), "country": ("LU",)}))

    assert names(result) == ["Vélo Réemploi"]
    # The countries of those that do not sell online, their own selection aside...
    assert result.counts["country"] == {"FR": 1, "LU": 1}
    # ...and, in Luxembourg, who sells online.
    assert result.counts["sells_online"] == {"no": 1}


@pytest.fixture
def verified_in_turn(suppliers):
    """Verified: Vélo Réemploi first, then Atelier Bois, then Pain d'Épices (the newest)."""
    pain, velo, atelier = suppliers
    start = timezone.now() - timedelta(days=10)
    for days, supplier in enumerate([velo, atelier, pain]):
        Supplier.objects.filter(pk=supplier.pk).update(verified_at=start + timedelta(days=days))


@pytest.mark.parametrize(
    ("text", "sort", "expected"),
    [
        ("", "", ["Atelier Bois", "Pain d'Épices Solidaire", "Vélo Réemploi"]),
        ("", "newest", ["Pain d'Épices Solidaire", "Atelier Bois", "Vélo Réemploi"]),
        # With text (all three repair bicycles), the chosen order still holds.
        ("bicycles", "name", ["Atelier Bois", "Pain d'Épices Solidaire", "Vélo Réemploi"]),
        ("bicycles", "newest", ["Pain d'Épices Solidaire", "Atelier Bois", "Vélo Réemploi"]),
    ],
)
def test_sort_orders(node, suppliers, verified_in_turn, text, sort, expected):
    node.rebuild([list(supplier_documents())])
    assert names(node.search(SupplierQuery(text=text, sort=sort))) == expected


def test_relevance_puts_a_match_in_the_name_before_one_in_the_description(node, db):
    SupplierFactory(name="Atelier Vert", description="We repair bicycles.")
    SupplierFactory(name="Zebra Bicycles", description="Second-hand frames.")
    node.rebuild([list(supplier_documents())])

    assert names(node.search(SupplierQuery(text="bicycles"))) == ["Zebra Bicycles", "Atelier Vert"]
    assert names(node.search(SupplierQuery(text="bicycles", sort="name"))) == ["Atelier Vert", "Zebra Bicycles"]


@pytest.fixture
def twenty_five(node, db):
    for number in range(25):
        SupplierFactory(name=f"Supplier {number:02d}")
    node.rebuild([list(supplier_documents())])
    return node


def test_page_three_of_ten_holds_the_twenty_first_to_the_twenty_fifth(twenty_five):
    result = twenty_five.search(SupplierQuery(page=3, page_size=10))
    assert names(result) == [f"Supplier {number}" for number in range(20, 25)]
    assert result.total == 25


def test_a_page_beyond_the_result_window_still_gives_the_total_and_the_counts(twenty_five):
    # from 10,000: Elasticsearch (and the memory node) would refuse the request.
    result = twenty_five.search(SupplierQuery(page=101, page_size=100))
    assert result.ids == []
    assert result.total == 25
    assert result.counts["sells_online"] == {"no": 25}


@pytest.mark.parametrize(
    ("language", "readers"),
    [("fr", "french"), ("de", "german"), ("nl", "dutch"), ("sr", "serbian"), ("sr-latn", "serbian"), ("en", "english")],
)
def test_the_readers_language_is_read_first_and_counts_double(cluster, language, readers):
    with translation.override(language):
        body = searched(cluster, text="nettoyages")

    (clause,) = body["query"]["bool"]["must"]
    stemmed = clause["bool"]["should"][2]["multi_match"]
    assert stemmed["fields"][0] == f"name.{readers}^6"
    assert set(stemmed["fields"]) == language_fields(ElasticsearchBackend.text_fields, readers)


def test_a_supplier_is_indexed_with_the_text_of_every_language_once(db, cluster):
    cleaning = SectorFactory(name="Cleaning", name_fr="Nettoyage", name_de="Reinigung", name_sr="Чишћење")
    supplier = SupplierFactory(
        name="Blitzblank", description="", description_de="Wir reinigen Büros.", sectors=[cleaning]
    )
    cluster.backend().index(supplier_documents([supplier.pk]))

    ((_op, _meta, source),) = bulk_actions(cluster.sent("PUT", "/_bulk")[0])
    assert source["description"].startswith("Wir reinigen Büros. ")  # then its town and region
    # Serbian Latin is the Cyrillic transliterated: one text for search.
    assert source["sectors"] == "Cleaning Nettoyage Reinigung Чишћење"


def test_the_alias_name_comes_from_the_index_prefix_setting(cluster, settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "staging"
    cluster.on("POST", r"/staging-suppliers/_search", (200, search_response()))
    cluster.backend().search(SupplierQuery())
    assert cluster.calls() == [("POST", "/staging-suppliers/_search")]


def test_searches_wait_the_configured_timeout_and_writes_longer(cluster, configured, settings):
    settings.ELASTICSEARCH_TIMEOUT = 1.5
    configured(cluster)
    backend = backends.primary_backend()
    backend.search(SupplierQuery())
    backend.remove([1])

    search, exists, bulk = cluster.requests
    assert search.timeout == 1.5
    assert exists.timeout == bulk.timeout == 30.0


def test_the_production_client_is_one_per_process_and_url():
    backend = ElasticsearchBackend("http://search.internal:9200")
    (node,) = backend.client.transport.node_pool.all()
    assert node.base_url == "http://search.internal:9200"
    assert backend.client is ElasticsearchBackend("http://search.internal:9200").client
    assert backend.client is not ElasticsearchBackend(URL).client


# (4) Rebuild: new index, bulk, one alias swap, old index deleted --------------------


@pytest.fixture
def rebuild_cluster(cluster):
    return accept_rebuilds(cluster, ALIAS, OLD_INDEX)


@pytest.fixture
def suppliers(db):
    food = SectorFactory(name="Food")
    bakery = SectorFactory(name="Bakery", parent=food)
    pain = SupplierFactory(
        name="Pain d'Épices Solidaire",
        sectors=[bakery],
        impact_areas=[ImpactAreaFactory(name="Inclusion")],
        labels=[LabelFactory(name="Fair trade")],
    )
    NetworkMembershipFactory(supplier=pain, signed=True)
    product_for_supplier(supplier=pain, title="Gingerbread")
    velo = SupplierFactory(name="Vélo Réemploi", country="LU")
    atelier = SupplierFactory(name="Atelier Bois")
    SupplierFactory(name="Not Yet Verified", unverified=True)
    return [pain, velo, atelier]


def batches(size):
    batch = []
    for document in supplier_documents():
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def test_rebuild_fills_a_new_index_then_swaps_the_alias_in_one_call_then_deletes_the_old_index(
    rebuild_cluster, suppliers
):
    done = []
    total = rebuild_cluster.backend().rebuild(batches(2), progress=done.append)

    assert total == 3
    assert done == [2, 1]
    assert_rebuilt_in_two_batches_then_swapped(rebuild_cluster, ALIAS, OLD_INDEX)


def test_rebuild_sends_every_verified_supplier_as_a_document_with_its_id(rebuild_cluster, suppliers):
    rebuild_cluster.backend().rebuild(batches(2))

    documents = {doc.id: doc for doc in supplier_documents()}
    sent = [pair for request in rebuild_cluster.sent("PUT", "/_bulk") for pair in bulk_actions(request)]
    assert sorted(int(meta["_id"]) for _, meta, _ in sent) == sorted(s.pk for s in suppliers)
    new = rebuild_cluster.calls()[0][1].lstrip("/")
    for op, meta, source in sent:
        doc = documents[int(meta["_id"])]
        assert (op, meta["_index"]) == ("index", new)
        assert source == {
            "id": doc.id,
            "slug": doc.slug,
            "name": doc.name,
            "description": doc.description,
            "sectors": doc.sectors,
            "products": doc.products,
            "name_sort": doc.name_sort,
            "created": doc.created.isoformat(),
            "location": None,  # no supplier here has placed itself nor been geocoded
            **doc.facets,
        }
    pain = documents[suppliers[0].pk]
    (source,) = [source for _, meta, source in sent if meta["_id"] == str(pain.id)]
    assert source["name_sort"] == "pain d'epices solidaire"
    assert source["sells_online"] == ["yes"]
    assert source["sector"] == ["bakery", "food"]
    assert source["products"] == "Gingerbread"
    assert any(label.startswith("charter-") for label in source["label"])


def test_the_first_rebuild_only_adds_the_alias(rebuild_cluster, suppliers):
    rebuild_cluster.on("GET", rf"/_alias/{ALIAS}", error(404, "aliases_not_found_exception"))
    rebuild_cluster.backend().rebuild(batches(10))

    (swap,) = rebuild_cluster.sent("POST", "/_aliases")
    assert [list(action) for action in swap.body["actions"]] == [["add"]]
    assert not rebuild_cluster.sent("DELETE")


def test_a_failed_rebuild_leaves_the_alias_alone_and_deletes_its_new_index(rebuild_cluster, suppliers):
    rebuild_cluster.on("PUT", r"/_bulk", error(503, "unavailable_shards_exception"))
    rebuild_cluster.on("DELETE", r"/responsible-suppliers-[\w-]+", (200, {"acknowledged": True}))

    with pytest.raises(BackendUnavailable):
        rebuild_cluster.backend().rebuild(batches(10))

    new = rebuild_cluster.calls()[0][1]
    assert not rebuild_cluster.sent("POST", "/_aliases")
    assert rebuild_cluster.calls()[-1] == ("DELETE", new)


def test_the_rebuild_command_fills_the_database_and_elasticsearch(rebuild_cluster, suppliers, configured):
    accept_rebuilds(rebuild_cluster, "responsible-products")  # the command rebuilds the product index too
    configured(rebuild_cluster)
    call_command("search_index", "rebuild", "--no-progress")

    sent = [
        meta["_id"]
        for request in rebuild_cluster.sent("PUT", "/_bulk")
        for _, meta, _ in bulk_actions(request)
        if meta["_index"].startswith(f"{ALIAS}-")
    ]
    assert sorted(sent) == sorted(str(s.pk) for s in suppliers)
    swaps = [swap.body["actions"][-1]["add"]["alias"] for swap in rebuild_cluster.sent("POST", "/_aliases")]
    assert swaps == [ALIAS, "responsible-products"]
    assert DatabaseBackend().search(SupplierQuery()).total == 3


# (5) Index and remove write through the alias ----------------------------------------


def test_index_writes_the_documents_through_the_alias(cluster, suppliers):
    documents = list(supplier_documents([suppliers[1].pk]))
    assert cluster.backend().index(documents) == 1

    assert cluster.calls() == [("HEAD", f"/_alias/{ALIAS}"), ("PUT", "/_bulk")]
    (bulk,) = cluster.sent("PUT", "/_bulk")
    assert bulk.params == {"refresh": "wait_for", "require_alias": "true"}
    ((op, meta, source),) = bulk_actions(bulk)
    assert (op, meta) == ("index", {"_index": ALIAS, "_id": str(suppliers[1].pk)})
    assert source["name"] == "Vélo Réemploi"
    assert source["country"] == ["LU"]


def test_remove_deletes_through_the_alias_and_ignores_documents_that_were_never_indexed(cluster):
    def some_missing(request):
        items = [
            {
                "delete": {
                    "_index": "x",
                    "_id": meta["delete"]["_id"],
                    "status": 404 if meta["delete"]["_id"] == "8" else 200,
                }
            }
            for meta in request.body  # document 8 was never indexed
        ]
        return 200, {"took": 1, "errors": True, "items": items}

    cluster.on("PUT", r"/_bulk", some_missing)
    cluster.backend().remove([7, 8])

    (bulk,) = cluster.sent("PUT", "/_bulk")
    assert bulk.params == {"refresh": "wait_for"}
    assert bulk.body == [{"delete": {"_index": ALIAS, "_id": "7"}}, {"delete": {"_index": ALIAS, "_id": "8"}}]


def test_nothing_to_write_sends_nothing(cluster):
    backend = cluster.backend()
    assert backend.index([]) == 0
    backend.remove([])
    assert cluster.requests == []


def test_removing_before_any_index_exists_does_nothing(cluster):
    cluster.on("HEAD", rf"/_alias/{ALIAS}", (404, None))
    cluster.backend().remove([7])
    assert cluster.calls() == [("HEAD", f"/_alias/{ALIAS}")]


def test_the_first_write_builds_the_whole_index_from_the_database(rebuild_cluster, suppliers):
    rebuild_cluster.on("HEAD", rf"/_alias/{ALIAS}", (404, None))
    rebuild_cluster.on("GET", rf"/_alias/{ALIAS}", error(404, "aliases_not_found_exception"))
    documents = list(supplier_documents([suppliers[0].pk]))

    assert rebuild_cluster.backend().index(documents) == 1

    new = rebuild_cluster.calls()[1][1].lstrip("/")
    assert rebuild_cluster.calls() == [
        ("HEAD", f"/_alias/{ALIAS}"),
        ("PUT", f"/{new}"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new}/_refresh"),
        ("GET", f"/_alias/{ALIAS}"),
        ("POST", "/_aliases"),
    ]  # and no second write of `documents` through the alias: the rebuild read fresher ones
    (bulk,) = rebuild_cluster.sent("PUT", "/_bulk")
    assert sorted(int(meta["_id"]) for _, meta, _ in bulk_actions(bulk)) == sorted(s.pk for s in suppliers)


def test_a_document_refused_as_invalid_is_an_error_not_an_outage(cluster, suppliers):
    def refused(request):
        (meta, _) = request.body
        item = {"_id": meta["index"]["_id"], "status": 400, "error": {"type": "document_parsing_exception"}}
        return 200, {"took": 1, "errors": True, "items": [{"index": item}]}

    cluster.on("PUT", r"/_bulk", refused)
    with pytest.raises(helpers.BulkIndexError):
        cluster.backend().index(supplier_documents([suppliers[0].pk]))


def test_documents_rejected_by_an_overloaded_cluster_make_it_unavailable(cluster, suppliers):
    def rejected(request):
        (meta, _) = request.body
        item = {"_id": meta["index"]["_id"], "status": 429, "error": {"type": "es_rejected_execution_exception"}}
        return 200, {"took": 1, "errors": True, "items": [{"index": item}]}

    cluster.on("PUT", r"/_bulk", rejected)
    with pytest.raises(BackendUnavailable):
        cluster.backend().index(supplier_documents([suppliers[0].pk]))


# (6) Unreachable or failing Elasticsearch ----------------------------------------------


@pytest.fixture
def down(cluster):
    return refuse_everything(cluster)


def test_a_refused_connection_makes_the_backend_unavailable_after_one_retry(down):
    with pytest.raises(BackendUnavailable, match="cannot reach Elasticsearch"):
        down.backend().search(SupplierQuery(text="velo"))
    assert down.calls() == [("POST", f"/{ALIAS}/_search")] * 2


def test_a_timeout_makes_the_backend_unavailable_without_retrying(cluster):
    cluster.on("POST", rf"/{ALIAS}/_search", elastic_transport.ConnectionTimeout("timed out"))
    with pytest.raises(BackendUnavailable):
        cluster.backend().search(SupplierQuery())
    assert len(cluster.requests) == 1


def test_a_503_makes_the_backend_unavailable(cluster):
    cluster.on("POST", rf"/{ALIAS}/_search", error(503, "search_phase_execution_exception", "all shards failed"))
    with pytest.raises(BackendUnavailable, match="503"):
        cluster.backend().search(SupplierQuery())


def test_an_index_never_built_makes_the_backend_unavailable(cluster):
    cluster.on("POST", rf"/{ALIAS}/_search", error(404, "index_not_found_exception", "no such index"))
    with pytest.raises(BackendUnavailable, match="search_index rebuild"):
        cluster.backend().search(SupplierQuery())


def test_a_bad_request_is_a_bug_and_is_raised(cluster):
    cluster.on("POST", rf"/{ALIAS}/_search", error(400, "parsing_exception", "unknown query [bool_prefx]"))
    with pytest.raises(BadRequestError):
        cluster.backend().search(SupplierQuery())


def test_writes_to_an_unreachable_cluster_make_it_unavailable(down, suppliers):
    backend = down.backend()
    with pytest.raises(BackendUnavailable):
        backend.index(supplier_documents([suppliers[0].pk]))
    with pytest.raises(BackendUnavailable):
        backend.remove([suppliers[0].pk])
    with pytest.raises(BackendUnavailable):
        backend.rebuild(batches(10))


@pytest.fixture
def configured(settings, monkeypatch):
    """ELASTICSEARCH_URL set, the backend's client talking to the fake cluster."""
    return lambda cluster: configure(cluster, settings, monkeypatch)


def test_when_elasticsearch_is_down_the_database_answers_and_a_warning_is_logged(down, suppliers, configured, caplog):
    DatabaseBackend().rebuild(batches(10))
    configured(down)

    with caplog.at_level(logging.WARNING, logger="search.backends"):
        result = backends.search(SupplierQuery(text="reemploi"))

    assert result.backend == "database"
    assert result.ids == [suppliers[1].pk]
    assert down.sent("POST", f"/{ALIAS}/_search")  # Elasticsearch was asked first
    (warning,) = [r for r in caplog.records if r.name == "search.backends"]
    assert warning.levelno == logging.WARNING
    assert "elasticsearch" in warning.getMessage()
    assert "cannot reach Elasticsearch" in warning.getMessage()


def test_when_elasticsearch_answers_503_the_database_answers(cluster, suppliers, configured, caplog):
    DatabaseBackend().rebuild(batches(10))
    cluster.on("POST", rf"/{ALIAS}/_search", error(503, "cluster_block_exception"))
    configured(cluster)

    with caplog.at_level(logging.WARNING, logger="search.backends"):
        result = backends.search(SupplierQuery())

    assert result.backend == "database"
    assert sorted(result.ids) == sorted(s.pk for s in suppliers)
    assert any(r.name == "search.backends" and r.levelno == logging.WARNING for r in caplog.records)


def test_when_elasticsearch_answers_the_page_comes_from_it(cluster, configured):
    cluster.on("POST", rf"/{ALIAS}/_search", (200, search_response(hits=[3, 1], total=2)))
    configured(cluster)

    result = backends.search(SupplierQuery(text="velo"))

    assert (result.backend, result.ids, result.total) == ("elasticsearch", [3, 1], 2)


def test_a_bad_request_is_not_hidden_by_the_fallback(cluster, configured, caplog):
    cluster.on("POST", rf"/{ALIAS}/_search", error(400, "parsing_exception"))
    configured(cluster)

    with pytest.raises(BadRequestError):
        backends.search(SupplierQuery())
    assert not [r for r in caplog.records if r.name == "search.backends"]
