"""The Elasticsearch backends of the supplier and product indexes: the same
queries, facets and sorts as the database backend, answered by an
Elasticsearch 8 cluster. Both indexes share everything below but their mapping,
their document source, their text fields and their sorts
(SupplierElasticsearchBackend, ProductElasticsearchBackend).

Index layout. Searches and writes go through the alias `<prefix>-<index>`
(prefix: settings.ELASTICSEARCH_INDEX_PREFIX; index: suppliers or products).
Each rebuild fills a new index `<prefix>-<index>-<UTC timestamp>`, then moves
the alias to it in one atomic `_aliases` call and deletes the old index:
searches never see a half-built index.

Text. A text field holds the document's text in every language it is written in
(search.languages). It is analysed by `folded` (lower case, Serbian Cyrillic in
Latin script, no accents, split on anything but letters and digits, exactly like
search.interface.words), with a sub-field per language: stemmed in French,
German, Dutch and English, and Serbian normalised (Elasticsearch has no Serbian
stemmer: "đ" also reads as "dj", as Serbian is typed without diacritics). A query
matches when every query word starts a word of a text field (the database
backend's rule); Elasticsearch also accepts a word with a typo or in another
inflection (plural, conjugation), preferring the reader's language's sub-field.

Facets. The main query holds the text and the range conditions (a product's
price range), which narrow hits and counts alike; the active facet filters are
in `post_filter`, and each facet is counted by a `filter` aggregation applying
every *other* facet's filter: a facet's counts ignore its own selection.
A category facet value is a full slug and documents list every ancestor's, so
selecting a category finds its sub-categories' products.

Failures. A connection failure, a timeout or a 5xx (or 429: overloaded) answer
raises BackendUnavailable, so that searches fall back to the database. Any
other error (a 4xx is a bug in the request) is raised as is."""

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from decimal import Decimal
from typing import ClassVar

import elastic_transport
from django.conf import settings
from django.utils.translation import get_language
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    GeoPoint,
    Index,
    Keyword,
    Long,
    Mapping,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
    tokenizer,
)

from ..documents import BATCH_SIZE, SupplierDocument, supplier_documents
from ..interface import CYRILLIC_TO_LATIN, BackendResult, ProductQuery, SearchQuery, SupplierQuery, fold
from ..product_documents import ProductDocument, product_documents
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
# Serbian Cyrillic in Latin script, as search.interface.fold does (queries reach
# Elasticsearch folded, so in Latin script).
SERBIAN_LATIN = char_filter(
    "serbian_latin", "mapping", mappings=[f"{letter} => {latin}" for letter, latin in CYRILLIC_TO_LATIN.items()]
)

FOLDED = analyzer("folded", tokenizer=WORDS, char_filter=[SERBIAN_LATIN], filter=["lowercase", "asciifolding"])

# Sub-field name -> the `language` of Elasticsearch's `stemmer` filter (the
# light stemmers and English's are those of the built-in language analyzers).
LANGUAGES = {
    "french": "light_french",
    "german": "light_german",
    "dutch": "dutch",
    "english": "english",
}
SERBIAN = "serbian"
# The sub-field read first for a reader of each language of the site.
SUB_FIELDS = {"fr": "french", "de": "german", "nl": "dutch", "en": "english", "sr": SERBIAN, "sr-latn": SERBIAN}


def _language_analyzer(language: str, stemmer: str):
    """Like Elasticsearch's built-in <language> analyzer, but folding accents
    before the stop words and the stemmer: queries reach Elasticsearch already
    folded (search.interface.words), so the index side must see folded text
    too for "ecole" and "école" to stem alike."""
    return analyzer(
        f"{language}_folded",
        tokenizer=WORDS,
        char_filter=[SERBIAN_LATIN],
        filter=[
            "lowercase",
            "asciifolding",
            token_filter(f"{language}_stop", "stop", stopwords=f"_{language}_"),
            token_filter(f"{language}_stemmer", "stemmer", language=stemmer),
        ],
    )


# Serbian: normalised to "bald" Latin before the accents are folded, so that "đ"
# is "dj" ("gradjevinski" finds "Građevinski"; the folded field has "gradevinski").
SERBIAN_ANALYZER = analyzer(
    f"{SERBIAN}_folded",
    tokenizer=WORDS,
    char_filter=[SERBIAN_LATIN],
    filter=["lowercase", "serbian_normalization", "asciifolding"],
)


def _text(**kwargs):
    return Text(
        analyzer=FOLDED,
        fields={
            **{
                language: Text(analyzer=_language_analyzer(language, stemmer))
                for language, stemmer in LANGUAGES.items()
            },
            SERBIAN: Text(analyzer=SERBIAN_ANALYZER),
        },
        **kwargs,
    )


def mapping(facets: Iterable[str], **fields) -> Mapping:
    """A strict mapping (a field it does not know is a bug: refused) with the
    document id (also its _id; a sort tie-breaker, as _id cannot be sorted on),
    `fields`, and one keyword field per facet: arrays of the document's facet values."""
    result = Mapping()
    result.meta("dynamic", "strict")
    for name, field in {"id": Long(), **fields, **{facet: Keyword() for facet in facets}}.items():
        result.field(name, field)
    return result


# Queries --------------------------------------------------------------------


def text_query(terms: list[str], text_fields: dict, language: str = "en"):
    """Every term must match (bool `must`, one clause per term); a term matches
    when any of these holds:

    - it starts a word (`multi_match` of type `bool_prefix` on the folded
      fields: for a single word that is a prefix query): the database rule;
    - it is a word with a typo (`fuzziness: AUTO` on the folded fields);
    - it is another form of a word (the language sub-fields, the reader's
      `language` first and boosted: a French reader's "nettoyages" is French).

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
    base_fields = [_boosted(field, boost) for field, boost in text_fields.items()]
    readers = SUB_FIELDS.get(language, "english")
    sub_fields = [readers, *(sub for sub in (*LANGUAGES, SERBIAN) if sub != readers)]
    stemmed_fields = [
        _boosted(f"{field}.{sub}", boost * (READERS_BOOST if sub == readers else 1))
        for sub in sub_fields
        for field, boost in text_fields.items()
    ]
    return Q("bool", must=[_term_query(term, base_fields, stemmed_fields) for term in terms])


# How much more a match in the reader's language counts than one in another.
READERS_BOOST = 2


def _boosted(field: str, boost: float) -> str:
    return f"{field}^{boost}" if boost != 1 else field


def _term_query(term: str, base_fields: list[str], stemmed_fields: list[str]):
    return Q(
        "bool",
        should=[
            Q("multi_match", query=term, type="bool_prefix", fields=base_fields),
            Q(
                "multi_match",
                query=term,
                type="best_fields",
                fields=base_fields,
                fuzziness="AUTO",
                prefix_length=1,  # typos rarely hit the first letter; keeps the expansion small
                max_expansions=FUZZY_MAX_EXPANSIONS,
            ),
            Q("multi_match", query=term, type="best_fields", fields=stemmed_fields),
        ],
        minimum_should_match=1,
    )


def _facet_filter(filters: dict):
    """All of `filters` (facet -> values): values OR-ed within a facet, facets AND-ed."""
    if not filters:
        return Q("match_all")
    return Q("bool", filter=[Q("terms", **{facet: list(values)}) for facet, values in filters.items()])


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


def _batched(documents: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    batch = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class ElasticsearchIndexBackend:
    """One index on Elasticsearch. A subclass names the index and gives its
    mapping, the source of a document, its text fields and its sorts."""

    name = "elasticsearch"
    index_name: ClassVar[str]  # SearchQuery.index, and the alias's suffix
    query_class: ClassVar[type[SearchQuery]]
    text_fields: ClassVar[dict]  # text field -> boost
    sorts: ClassVar[dict]  # SearchQuery.effective_sort -> Elasticsearch sort

    def __init__(self, url: str, client: Elasticsearch | None = None):
        self.url = url
        self.client = client or client_for(url, float(settings.ELASTICSEARCH_TIMEOUT))
        self.alias = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{self.index_name}"

    # What differs between indexes ---------------------------------------------

    @classmethod
    def mapping(cls) -> Mapping:
        raise NotImplementedError

    @classmethod
    def source(cls, doc) -> dict:
        """The Elasticsearch document of a search document."""
        raise NotImplementedError

    @classmethod
    def all_documents(cls) -> Iterable:
        """Every search document of the index, from the database."""
        raise NotImplementedError

    @classmethod
    def range_filters(cls, query: SearchQuery) -> list:
        """Range conditions (SearchQuery.ranges) as Elasticsearch filters; none by default."""
        return []

    @classmethod
    def sort_for(cls, query: SearchQuery) -> list:
        return cls.sorts[query.effective_sort]

    # Requests -------------------------------------------------------------------

    @classmethod
    def index_body(cls) -> dict:
        """The settings and mappings of a new index."""
        index = Index(cls.index_name)
        index.settings(number_of_shards=1)  # a few thousand documents: one shard, exact scores
        index.mapping(cls.mapping())
        return index.to_dict()

    @classmethod
    def search_body(cls, query: SearchQuery, language: str | None = None) -> dict:
        """The request body of a search: the text and the ranges in `query`
        (they narrow hits and counts alike; the text in the reader's `language`,
        the active one by default, first), the facet selection in `post_filter`
        (so that it does not restrict the aggregations), one filter aggregation
        per facet with every other facet's selection."""
        matching = text_query(query.terms, cls.text_fields, language or get_language())
        ranges = cls.range_filters(query)
        if ranges:
            matching = Q("bool", must=[matching], filter=ranges)
        search = Search().query(matching).extra(track_total_hits=True).source(False)
        active = query.active_filters()
        if active:
            search = search.post_filter(_facet_filter(active))
        for facet in cls.query_class.facet_names():
            search.aggs.bucket(facet, "filter", filter=_facet_filter(query.without(facet))).bucket(
                "values", "terms", field=facet, size=FACET_SIZE
            )
        search = search.sort(*cls.sort_for(query))
        if query.offset + query.page_size <= MAX_RESULT_WINDOW:
            search = search[query.offset : query.offset + query.page_size]
        else:  # beyond the window: no hits, but still the total and the counts
            search = search[0:0]
        return search.to_dict()

    @classmethod
    def parse_response(cls, body: dict, query: SearchQuery) -> BackendResult:
        active = query.active_filters()
        counts = {}
        for facet in cls.query_class.facet_names():
            buckets = body["aggregations"][facet]["values"]["buckets"]
            if buckets or facet in active:  # as the database backend: selected facets always, others when counted
                counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
        return BackendResult(
            ids=[int(hit["_id"]) for hit in body["hits"]["hits"]],
            total=body["hits"]["total"]["value"],
            counts=counts,
            backend=cls.name,
        )

    @property
    def _writer(self) -> Elasticsearch:
        return self.client.options(request_timeout=max(WRITE_TIMEOUT, float(settings.ELASTICSEARCH_TIMEOUT)))

    # Reads -----------------------------------------------------------------

    def search(self, query: SearchQuery) -> BackendResult:
        with _unavailable_on_failure("search"):
            try:
                response = self.client.search(index=self.alias, body=self.search_body(query))
            except NotFoundError as error:
                if error.message != "index_not_found_exception":
                    raise
                # Configured but never built: the database index is always
                # kept, so it answers until `search_index rebuild` has run.
                raise BackendUnavailable(
                    f"index {self.alias} does not exist: run `manage.py search_index rebuild`"
                ) from error
        return self.parse_response(response.body, query)

    # Writes ----------------------------------------------------------------

    def _actions(self, index: str, documents) -> Iterator[dict]:
        return ({"_index": index, "_id": str(doc.id), "_source": self.source(doc)} for doc in documents)

    def index(self, documents) -> int:
        documents = list(documents)
        if not documents:
            return 0
        with _unavailable_on_failure("index"):
            if not self._writer.indices.exists_alias(name=self.alias):
                # First write ever: build the whole index from the database,
                # which already holds these documents (and maybe fresher).
                self.rebuild(_batched(self.all_documents()))
                return len(documents)
            helpers.bulk(
                self._writer,
                self._actions(self.alias, documents),
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
            client.indices.create(index=new, **self.index_body())
            try:
                for batch in batches:
                    helpers.bulk(client, self._actions(new, batch))
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


def _sort(field: str, order: str = "asc", **options) -> dict:
    return {field: {"order": order, **options}}


BY_ID = _sort("id")  # the last tie-breaker of every sort: a stable order across pages


class SupplierElasticsearchBackend(ElasticsearchIndexBackend):
    """The supplier directory: one document per verified supplier (SupplierDocument)."""

    index_name = "suppliers"
    query_class = SupplierQuery
    text_fields = {"name": 3, "description": 1, "sectors": 1, "products": 1}
    sorts = {
        "relevance": [_sort("_score", "desc"), _sort("name_sort"), BY_ID],
        "name": [_sort("name_sort"), BY_ID],
        "newest": [_sort("created", "desc"), BY_ID],
    }

    @classmethod
    def mapping(cls) -> Mapping:
        return mapping(
            SupplierQuery.facet_names(),
            slug=Keyword(),
            **{field: _text() for field in cls.text_fields},
            name_sort=Keyword(),
            created=Date(),
            location=GeoPoint(),
        )

    @classmethod
    def range_filters(cls, query: SupplierQuery) -> list:
        """The distance filter: `geo_distance` on `location` (arc distance, as search.geo)."""
        if query.near is None:
            return []
        return [Q("geo_distance", distance=f"{query.near.km}km", location=_point(query.near))]

    @classmethod
    def sort_for(cls, query: SupplierQuery) -> list:
        if query.effective_sort == "distance":
            nearest = {"_geo_distance": {"location": _point(query.near), "order": "asc", "unit": "km"}}
            return [nearest, *cls.sorts["name"]]
        return super().sort_for(query)

    @classmethod
    def source(cls, doc: SupplierDocument) -> dict:
        return {
            "id": doc.id,
            "slug": doc.slug,
            "name": doc.name,
            "description": doc.description,
            "sectors": doc.sectors,
            "products": doc.products,
            "name_sort": doc.name_sort,
            "created": doc.created.isoformat(),
            "location": {"lat": doc.location[0], "lon": doc.location[1]} if doc.location else None,
            **{facet: list(doc.facets.get(facet, [])) for facet in SupplierQuery.facet_names()},
        }

    @classmethod
    def all_documents(cls):
        return supplier_documents()


def _point(near) -> dict:
    return {"lat": near.latitude, "lon": near.longitude}


# The supplier backend is the one most callers mean.
ElasticsearchBackend = SupplierElasticsearchBackend

CENT = Decimal("0.01")


def cents(price: Decimal) -> int:
    """Prices are indexed in whole cents (a long): exact, unlike a float or a
    scaled_float, whose range bounds Elasticsearch rounds after a binary
    multiplication (0.29 * 100 < 29), so a bound equal to a price would miss it."""
    return int(price.quantize(CENT) * 100)


class ProductElasticsearchBackend(ElasticsearchIndexBackend):
    """The shop: one document per product for sale (ProductDocument). Prices
    are EUR excluding VAT, in cents; a product without a price (on quote only)
    has none, so that any price range leaves it out and price sorts put it last."""

    index_name = "products"
    query_class = ProductQuery
    text_fields = {"title": 3, "description": 1, "categories": 1, "supplier": 1}
    sorts = {
        "relevance": [_sort("_score", "desc"), _sort("title_sort"), BY_ID],
        "title": [_sort("title_sort"), BY_ID],
        "newest": [_sort("created", "desc"), BY_ID],
        "price": [_sort("price_cents", missing="_last"), BY_ID],
        "price_desc": [_sort("price_cents", "desc", missing="_last"), BY_ID],
    }
    # SearchQuery.ranges() lookups -> the indexed field and its encoding.
    range_fields = {"price": ("price_cents", cents)}
    range_operators = ("gte", "lte", "gt", "lt")

    @classmethod
    def mapping(cls) -> Mapping:
        return mapping(
            ProductQuery.facet_names(),
            **{field: _text() for field in cls.text_fields},
            title_sort=Keyword(),
            created=Date(),
            price_cents=Long(),
        )

    @classmethod
    def source(cls, doc: ProductDocument) -> dict:
        return {
            "id": doc.id,
            "title": doc.titles,
            "description": doc.description,
            "categories": doc.categories,
            "supplier": doc.supplier,
            "title_sort": fold(doc.title),
            "created": doc.created.isoformat(),
            "price_cents": None if doc.price is None else cents(doc.price),
            **{facet: list(doc.facets.get(facet, [])) for facet in ProductQuery.facet_names()},
        }

    @classmethod
    def all_documents(cls):
        return product_documents()

    @classmethod
    def range_filters(cls, query: SearchQuery) -> list:
        bounds = {}
        for lookup, value in query.ranges().items():
            name, operator = lookup.split("__")
            if name not in cls.range_fields or operator not in cls.range_operators:
                raise ValueError(f"no Elasticsearch range for {lookup}")
            field, encode = cls.range_fields[name]
            bounds.setdefault(field, {})[operator] = encode(value)
        return [Q("range", **{field: bound}) for field, bound in bounds.items()]


BACKENDS = {backend.index_name: backend for backend in (SupplierElasticsearchBackend, ProductElasticsearchBackend)}


def elasticsearch_backend(index: str, url: str) -> ElasticsearchIndexBackend:
    """The Elasticsearch backend of an index ("suppliers" or "products")."""
    return BACKENDS[index](url)
