"""The Elasticsearch backend: the same queries, facets and sorts as the database
backend, answered by an Elasticsearch 8 cluster.

Index layout. Searches and writes go through the alias `<prefix>-suppliers`
(prefix: settings.ELASTICSEARCH_INDEX_PREFIX). Each rebuild fills a new index
`<prefix>-suppliers-<UTC timestamp>`, then moves the alias to it in one atomic
`_aliases` call and deletes the old index: searches never see a half-built index.

Text. Every text field is analysed by `folded` (lower case, no accents, split
on anything but letters and digits, exactly like search.interface.words), with
sub-fields stemmed in French, German, Dutch and English. A query matches when
every query word starts a word of the name, description, sectors or products
(the database backend's rule); Elasticsearch also accepts a word with a typo or
in another inflection (plural, conjugation).

Facets. The main query holds only the text; the active facet filters are in
`post_filter`, and each facet is counted by a `filter` aggregation applying
every *other* facet's filter: a facet's counts ignore its own selection.

Failures. A connection failure, a timeout or a 5xx (or 429: overloaded) answer
raises BackendUnavailable, so that searches fall back to the database. Any
other error (a 4xx is a bug in the request) is raised as is."""

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime

import elastic_transport
from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Keyword,
    Long,
    MetaField,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from ..documents import BATCH_SIZE, SupplierDocument, supplier_documents
from ..interface import FACET_NAMES, BackendResult, SupplierQuery
from . import BackendUnavailable

# Buckets per facet aggregation: more than the values any facet can have, so
# that every value gets its count (the database backend counts them all).
FACET_SIZE = 1000
# Elasticsearch refuses from + size beyond index.max_result_window (default).
MAX_RESULT_WINDOW = 10_000
# Writes (index creation, bulk, alias swap) may take longer than a search.
WRITE_TIMEOUT = 30.0
# Query words per fuzzy clause: bounded so a long query stays cheap.
FUZZY_MAX_EXPANSIONS = 20

# Analysis -------------------------------------------------------------------

# The words of search.interface.words: runs of letters and digits. (The
# standard tokenizer would keep "l'atelier" or "foo_bar" as one token, so that
# "atelier" would not match it, unlike the database backend.)
WORDS = tokenizer("words", "pattern", pattern=r"[^\p{L}\p{N}]+")

FOLDED = analyzer("folded", tokenizer=WORDS, filter=["lowercase", "asciifolding"])

# Sub-field name -> the `language` of Elasticsearch's `stemmer` filter (the
# light stemmers and English's are those of the built-in language analyzers).
LANGUAGES = {
    "french": "light_french",
    "german": "light_german",
    "dutch": "dutch",
    "english": "english",
}


def _language_analyzer(language: str, stemmer: str):
    """Like Elasticsearch's built-in <language> analyzer, but folding accents
    before the stop words and the stemmer: queries reach Elasticsearch already
    folded (search.interface.words), so the index side must see folded text
    too for "ecole" and "école" to stem alike."""
    return analyzer(
        f"{language}_folded",
        tokenizer=WORDS,
        filter=[
            "lowercase",
            "asciifolding",
            token_filter(f"{language}_stop", "stop", stopwords=f"_{language}_"),
            token_filter(f"{language}_stemmer", "stemmer", language=stemmer),
        ],
    )


def _text(**kwargs):
    return Text(
        analyzer=FOLDED,
        fields={
            language: Text(analyzer=_language_analyzer(language, stemmer)) for language, stemmer in LANGUAGES.items()
        },
        **kwargs,
    )


class SupplierIndexDocument(Document):
    """The mapping of a supplier in Elasticsearch: one per SupplierDocument."""

    id = Long()  # the supplier's id, also the document _id; a sort tie-breaker (_id cannot be sorted on)
    slug = Keyword()
    name = _text()
    description = _text()
    sectors = _text()
    products = _text()
    name_sort = Keyword()
    created = Date()
    # Facets: arrays of keywords, the values of SupplierDocument.facets.
    sector = Keyword(multi=True)
    country = Keyword(multi=True)
    region = Keyword(multi=True)
    impact = Keyword(multi=True)
    label = Keyword(multi=True)
    legal_form = Keyword(multi=True)
    network = Keyword(multi=True)
    sells_online = Keyword(multi=True)

    class Meta:
        dynamic = MetaField("strict")  # a field the mapping does not know is a bug: refuse it


def index_body() -> dict:
    """The settings and mappings of a new supplier index."""
    index = Index("suppliers")
    index.settings(number_of_shards=1)  # a few thousand documents: one shard, exact scores
    index.document(SupplierIndexDocument)
    return index.to_dict()


def source(doc: SupplierDocument) -> dict:
    return {
        "id": doc.id,
        "slug": doc.slug,
        "name": doc.name,
        "description": doc.description,
        "sectors": doc.sectors,
        "products": doc.products,
        "name_sort": doc.name_sort,
        "created": doc.created.isoformat(),
        **{facet: list(doc.facets.get(facet, [])) for facet in FACET_NAMES},
    }


# Queries --------------------------------------------------------------------

TEXT_FIELDS = {"name": 3, "description": 1, "sectors": 1, "products": 1}  # field -> boost
BASE_FIELDS = [f"{field}^{boost}" if boost != 1 else field for field, boost in TEXT_FIELDS.items()]
STEMMED_FIELDS = [
    f"{field}.{language}^{boost}" if boost != 1 else f"{field}.{language}"
    for field, boost in TEXT_FIELDS.items()
    for language in LANGUAGES
]


def text_query(terms: list[str]):
    """Every term must match (bool `must`, one clause per term); a term matches
    when any of these holds:

    - it starts a word (`multi_match` of type `bool_prefix` on the folded
      fields: for a single word that is a prefix query): the database rule;
    - it is a word with a typo (`fuzziness: AUTO` on the folded fields);
    - it is another form of a word (the stemmed sub-fields).

    Why not one `multi_match` of type bool_prefix or phrase_prefix with
    fuzziness: in Elasticsearch 8, bool_prefix applies fuzziness only to the
    terms *before* the last one, and the last one becomes a prefix query
    without fuzziness; with one term per clause the term is the last one, so
    the fuzziness would be silently ignored. phrase_prefix refuses fuzziness
    altogether (400 "Fuzziness not allowed for type [phrase_prefix]") and
    expands its prefix to at most `max_expansions` (50) terms, so a short
    prefix would silently miss suppliers; bool_prefix's prefix query has no
    such cap. Hence a prefix clause and a fuzzy clause side by side in a
    `should`. The fuzzy clause keeps the first letter exact (prefix_length 1):
    otherwise "emploi" would reach "reemploi" in two edits, although the
    middle of a word must not match."""
    if not terms:
        return Q("match_all")
    return Q("bool", must=[_term_query(term) for term in terms])


def _term_query(term: str):
    return Q(
        "bool",
        should=[
            Q("multi_match", query=term, type="bool_prefix", fields=BASE_FIELDS),
            Q(
                "multi_match",
                query=term,
                type="best_fields",
                fields=BASE_FIELDS,
                fuzziness="AUTO",
                prefix_length=1,  # typos rarely hit the first letter; keeps the expansion small
                max_expansions=FUZZY_MAX_EXPANSIONS,
            ),
            Q("multi_match", query=term, type="best_fields", fields=STEMMED_FIELDS),
        ],
        minimum_should_match=1,
    )


def _facet_filter(filters: dict):
    """All of `filters` (facet -> values): values OR-ed within a facet, facets AND-ed."""
    if not filters:
        return Q("match_all")
    return Q("bool", filter=[Q("terms", **{facet: list(values)}) for facet, values in filters.items()])


SORTS = {
    "relevance": [{"_score": {"order": "desc"}}, {"name_sort": {"order": "asc"}}, {"id": {"order": "asc"}}],
    "name": [{"name_sort": {"order": "asc"}}, {"id": {"order": "asc"}}],
    "newest": [{"created": {"order": "desc"}}, {"id": {"order": "asc"}}],
}


def search_body(query: SupplierQuery) -> dict:
    """The request body of a search: the text in `query`, the facet selection
    in `post_filter` (so that it does not restrict the aggregations), one
    filter aggregation per facet with every other facet's selection."""
    search = Search().query(text_query(query.terms)).extra(track_total_hits=True).source(False)
    active = query.active_filters()
    if active:
        search = search.post_filter(_facet_filter(active))
    for facet in FACET_NAMES:
        search.aggs.bucket(facet, "filter", filter=_facet_filter(query.without(facet))).bucket(
            "values", "terms", field=facet, size=FACET_SIZE
        )
    search = search.sort(*SORTS[query.effective_sort])
    if query.offset + query.page_size <= MAX_RESULT_WINDOW:
        search = search[query.offset : query.offset + query.page_size]
    else:  # beyond the window: no hits, but still the total and the counts
        search = search[0:0]
    return search.to_dict()


def parse_response(body: dict, query: SupplierQuery) -> BackendResult:
    active = query.active_filters()
    counts = {}
    for facet in FACET_NAMES:
        buckets = body["aggregations"][facet]["values"]["buckets"]
        if buckets or facet in active:  # as the database backend: selected facets always, others when counted
            counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
    return BackendResult(
        ids=[int(hit["_id"]) for hit in body["hits"]["hits"]],
        total=body["hits"]["total"]["value"],
        counts=counts,
        backend=ElasticsearchBackend.name,
    )


# Errors ---------------------------------------------------------------------


def _unavailable_status(status: int) -> bool:
    return status >= 500 or status == 429


@contextmanager
def _unavailable_on_failure(action: str):
    """Turn "Elasticsearch is down or overloaded" into BackendUnavailable."""
    try:
        yield
    except (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout) as error:
        raise BackendUnavailable(f"{action}: cannot reach Elasticsearch ({error.__class__.__name__})") from error
    except ApiError as error:
        if _unavailable_status(error.status_code):
            raise BackendUnavailable(f"{action}: Elasticsearch answered {error.status_code}") from error
        raise
    except helpers.BulkIndexError as error:
        statuses = [item.get("status", 500) for failure in error.errors for item in failure.values()]
        if statuses and all(_unavailable_status(status) for status in statuses):
            raise BackendUnavailable(f"{action}: Elasticsearch refused {len(statuses)} document(s)") from error
        raise


# Backend --------------------------------------------------------------------


def new_client(url: str, timeout: float, **options) -> Elasticsearch:
    """A search waits at most `timeout` seconds and is retried once after a
    refused connection or a 502/503/504, never after a timeout: the database
    answers instead. (`options` go to Elasticsearch(), e.g. a node_class.)"""
    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False, **options)


# One client, hence one connection pool, per process and URL.
client_for = functools.lru_cache(maxsize=8)(new_client)


def _batched(documents: Iterable[SupplierDocument], size: int = BATCH_SIZE) -> Iterator[list[SupplierDocument]]:
    batch = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def elasticsearch_backend(index: str, url: str):
    """The Elasticsearch backend of an index."""
    if index == "products":
        # Product search on Elasticsearch is being written; meanwhile products
        # are served by the database index, which is always kept.
        from .database import DatabaseBackend

        return DatabaseBackend("products")
    return ElasticsearchBackend(url)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str, client: Elasticsearch | None = None):
        self.url = url
        self.client = client or client_for(url, float(settings.ELASTICSEARCH_TIMEOUT))
        self.alias = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-suppliers"

    @property
    def _writer(self) -> Elasticsearch:
        return self.client.options(request_timeout=max(WRITE_TIMEOUT, float(settings.ELASTICSEARCH_TIMEOUT)))

    # Reads -----------------------------------------------------------------

    def search(self, query: SupplierQuery) -> BackendResult:
        with _unavailable_on_failure("search"):
            try:
                response = self.client.search(index=self.alias, body=search_body(query))
            except NotFoundError as error:
                if error.message != "index_not_found_exception":
                    raise
                # Configured but never built: the database index is always
                # kept, so it answers until `search_index rebuild` has run.
                raise BackendUnavailable(
                    f"index {self.alias} does not exist: run `manage.py search_index rebuild`"
                ) from error
        return parse_response(response.body, query)

    # Writes ----------------------------------------------------------------

    def index(self, documents) -> int:
        documents = list(documents)
        if not documents:
            return 0
        with _unavailable_on_failure("index"):
            if not self._writer.indices.exists_alias(name=self.alias):
                # First write ever: build the whole index from the database,
                # which already holds these documents (and maybe fresher).
                self.rebuild(_batched(supplier_documents()))
                return len(documents)
            helpers.bulk(
                self._writer,
                ({"_index": self.alias, "_id": str(doc.id), "_source": source(doc)} for doc in documents),
                refresh="wait_for",  # visible to the next search, as with the database backend
                require_alias=True,  # never auto-create a concrete index named like the alias
            )
        return len(documents)

    def remove(self, ids) -> None:
        ids = list(ids)
        if not ids:
            return
        with _unavailable_on_failure("remove"):
            if not self._writer.indices.exists_alias(name=self.alias):
                return  # no index, nothing to remove
            helpers.bulk(
                self._writer,
                ({"_op_type": "delete", "_index": self.alias, "_id": str(id)} for id in ids),
                refresh="wait_for",
                ignore_status=(404,),  # not indexed (e.g. never verified): nothing to do
            )

    def rebuild(self, batches, progress=None) -> int:
        """Fill a new versioned index, then swap the alias to it atomically and
        delete the old index. Searches use the old index until the swap."""
        client = self._writer
        new = f"{self.alias}-{datetime.now(UTC):%Y%m%d-%H%M%S-%f}"
        total = 0
        with _unavailable_on_failure("rebuild"):
            client.indices.create(index=new, **index_body())
            try:
                for batch in batches:
                    helpers.bulk(client, ({"_index": new, "_id": str(doc.id), "_source": source(doc)} for doc in batch))
                    total += len(batch)
                    if progress:
                        progress(len(batch))
                client.indices.refresh(index=new)
                old = self._aliased_indices(client)
                actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
                actions.append({"add": {"index": new, "alias": self.alias}})
                client.indices.update_aliases(actions=actions)
            except BaseException:
                self._discard(client, new)
                raise
            if old:
                client.indices.delete(index=old)
        return total

    def _aliased_indices(self, client) -> list[str]:
        response = client.options(ignore_status=404).indices.get_alias(name=self.alias)
        if response.meta.status == 404:
            return []
        return sorted(response.body)

    @staticmethod
    def _discard(client, index: str) -> None:
        """Best effort: do not leave a half-built index behind."""
        with suppress(elastic_transport.TransportError, ApiError):
            client.options(ignore_status=404).indices.delete(index=index)
