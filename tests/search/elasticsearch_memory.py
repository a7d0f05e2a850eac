"""An Elasticsearch node in memory, for running the Elasticsearch backends
through the same cases as the database backend (hits, totals, counts, order)
where no server is available. The real client (the production configuration)
talks to it through FakeCluster; it keeps indexes, aliases and documents and
answers searches by evaluating the part of the query language the backends
send: match_all, bool (must, filter, should with minimum_should_match,
must_not), terms, range, geo_distance, multi_match (bool_prefix, and
best_fields with fuzziness AUTO and prefix_length), filter and terms
aggregations, post_filter, sort (fields, missing, _score, _geo_distance),
from/size and the result window.

What it does not emulate is Elasticsearch's analysis: every text field is cut
into words as search.interface.words does (what the `folded` analyzer is
configured to do), the language sub-fields match those words whole (no
stemming, no stop words), and a score is the sum of the boosts of the fields
that matched. A request it does not understand fails the test rather than
being answered loosely. The live suites (ELASTICSEARCH_URL) cover analysis."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from search.geo import haversine_km
from search.interface import words

from .elasticsearch_fake import FakeCluster, error

MAX_RESULT_WINDOW = 10_000


@dataclass
class Index:
    properties: dict
    strict: bool
    documents: dict = field(default_factory=dict)  # _id -> source


class MemoryElasticsearch:
    def __init__(self):
        self.indexes: dict[str, Index] = {}
        self.aliases: dict[str, set[str]] = {}  # alias -> its indexes

    @classmethod
    def backend(cls, backend_class):
        """An Elasticsearch backend of the production code whose client talks to a new memory node."""
        cluster = cls().serve(FakeCluster())
        return cluster.backend(backend_class)

    def serve(self, cluster: FakeCluster) -> FakeCluster:
        cluster.on("PUT", r"/(?P<index>[\w.-]+)", self._create)
        cluster.on("DELETE", r"/(?P<indexes>[\w.,-]+)", self._delete)
        cluster.on("HEAD", r"/_alias/(?P<alias>[\w.-]+)", self._alias_exists)
        cluster.on("GET", r"/_alias/(?P<alias>[\w.-]+)", self._get_alias)
        cluster.on("POST", r"/_aliases", self._update_aliases)
        cluster.on("PUT", r"/_bulk", self._bulk)
        cluster.on("POST", r"/_bulk", self._bulk)
        cluster.on("POST", r"/[\w.-]+/_refresh", lambda request: (200, {"_shards": {"failed": 0}}))
        cluster.on("POST", r"/(?P<target>[\w.-]+)/_search", self._search)
        return cluster

    def documents(self, alias: str) -> dict:
        """The documents searchable through `alias`: _id -> source."""
        return {id_: source for name in self._resolve(alias) for id_, source in self.indexes[name].documents.items()}

    # Indexes and aliases ----------------------------------------------------------

    def _create(self, request):
        name = _path_part(request, r"/(?P<index>[\w.-]+)", "index")
        if name in self.indexes or name in self.aliases:
            return error(400, "resource_already_exists_exception", f"index [{name}] already exists")
        mappings = (request.body or {}).get("mappings", {})
        strict = mappings.get("dynamic") == "strict"
        self.indexes[name] = Index(properties=mappings.get("properties", {}), strict=strict)
        return 200, {"acknowledged": True, "index": name}

    def _delete(self, request):
        names = _path_part(request, r"/(?P<indexes>[\w.,-]+)", "indexes").split(",")
        missing = [name for name in names if name not in self.indexes]
        if missing:
            return error(404, "index_not_found_exception", f"no such index [{missing[0]}]")
        for name in names:
            del self.indexes[name]
            for indexes in self.aliases.values():
                indexes.discard(name)
        return 200, {"acknowledged": True}

    def _alias_exists(self, request):
        alias = _path_part(request, r"/_alias/(?P<alias>[\w.-]+)", "alias")
        return (200, {}) if self.aliases.get(alias) else (404, {})

    def _get_alias(self, request):
        alias = _path_part(request, r"/_alias/(?P<alias>[\w.-]+)", "alias")
        if not self.aliases.get(alias):
            return error(404, "aliases_not_found_exception", f"alias [{alias}] missing")
        return 200, {name: {"aliases": {alias: {}}} for name in sorted(self.aliases[alias])}

    def _update_aliases(self, request):
        for action in request.body["actions"]:
            ((kind, target),) = action.items()
            if target["index"] not in self.indexes:
                return error(404, "index_not_found_exception", f"no such index [{target['index']}]")
            indexes = self.aliases.setdefault(target["alias"], set())
            if kind == "add":
                indexes.add(target["index"])
            elif kind == "remove":
                indexes.discard(target["index"])
            else:
                raise AssertionError(f"the memory node does not know the alias action {kind!r}")
        return 200, {"acknowledged": True}

    def _resolve(self, target: str) -> list[str]:
        if target in self.indexes:
            return [target]
        return sorted(self.aliases.get(target, ()))

    # Writes ---------------------------------------------------------------------

    def _bulk(self, request):
        require_alias = request.params.get("require_alias") == "true"
        lines, items = iter(request.body), []
        for line in lines:
            ((op, meta),) = line.items()
            source = None if op == "delete" else next(lines)
            outcome = self._write(op, meta, source, require_alias)
            items.append({op: {"_index": meta["_index"], "_id": meta["_id"], **outcome}})
        errors = any(item[op]["status"] >= 300 for item in items for op in item)
        return 200, {"took": 1, "errors": errors, "items": items}

    def _write(self, op, meta, source, require_alias) -> dict:
        if require_alias and meta["_index"] not in self.aliases:
            reason = f"no such index [{meta['_index']}] and [require_alias] request flag is [true]"
            return _item_error(404, "index_not_found_exception", reason)
        names = self._resolve(meta["_index"])
        if len(names) != 1:
            return _item_error(404, "index_not_found_exception", f"no such index [{meta['_index']}]")
        index = self.indexes[names[0]]
        if op == "delete":
            if index.documents.pop(meta["_id"], None) is None:
                return {"status": 404, "result": "not_found"}
            return {"status": 200, "result": "deleted"}
        if op not in ("index", "create"):
            raise AssertionError(f"the memory node does not know the bulk action {op!r}")
        unknown = set(source) - set(index.properties)
        if index.strict and unknown:
            return _item_error(400, "strict_dynamic_mapping_exception", f"fields {sorted(unknown)} not allowed")
        index.documents[meta["_id"]] = source
        return {"status": 201, "result": "created"}

    # Searches ---------------------------------------------------------------------

    def _search(self, request):
        target = _path_part(request, r"/(?P<target>[\w.-]+)/_search", "target")
        if not self._resolve(target):
            return error(404, "index_not_found_exception", f"no such index [{target}]")
        body = request.body or {}
        start, size = body.get("from", 0), body.get("size", 10)
        if start + size > MAX_RESULT_WINDOW:
            return error(400, "illegal_argument_exception", "Result window is too large")
        query = body.get("query", {"match_all": {}})
        scored = []
        for id_, source in self.documents(target).items():
            score = _score(query, source)
            if score is not None:
                scored.append((id_, source, score))
        aggregations = {name: _aggregate(agg, scored) for name, agg in body.get("aggs", {}).items()}
        if "post_filter" in body:
            scored = [hit for hit in scored if _score(body["post_filter"], hit[1]) is not None]
        scored.sort(key=_sort_key(body.get("sort", [{"_score": {"order": "desc"}}])))
        page = scored[start : start + size]
        return 200, {
            "took": 1,
            "timed_out": False,
            "hits": {
                "total": {"value": len(scored), "relation": "eq"},
                "max_score": None,
                "hits": [{"_index": target, "_id": id_, "_score": score} for id_, _source, score in page],
            },
            "aggregations": aggregations,
        }


def _path_part(request, pattern, name):
    return re.fullmatch(pattern, request.path)[name]


def _item_error(status, kind, reason) -> dict:
    return {"status": status, "error": {"type": kind, "reason": reason}}


# The query language ---------------------------------------------------------------


def _score(query: dict, source: dict) -> float | None:
    """The score of a document for a query, None when it does not match."""
    ((kind, body),) = query.items()
    if kind == "match_all":
        return 1.0
    if kind == "bool":
        return _bool(body, source)
    if kind == "terms":
        ((name, values),) = body.items()
        return 0.0 if set(_values(source.get(name))) & set(values) else None
    if kind == "range":
        ((name, bounds),) = body.items()
        return 0.0 if _in_range(source.get(name), bounds) else None
    if kind == "geo_distance":
        return _geo_distance(body, source)
    if kind == "multi_match":
        return _multi_match(body, source)
    raise AssertionError(f"the memory node does not know the query {kind!r}")


def _bool(body, source):
    score = 0.0
    for clause in _clauses(body, "must"):
        found = _score(clause, source)
        if found is None:
            return None
        score += found
    if any(_score(clause, source) is None for clause in _clauses(body, "filter")):
        return None
    if any(_score(clause, source) is not None for clause in _clauses(body, "must_not")):
        return None
    should = [found for clause in _clauses(body, "should") if (found := _score(clause, source)) is not None]
    default = 0 if _clauses(body, "must") or _clauses(body, "filter") else 1
    if _clauses(body, "should") and len(should) < int(body.get("minimum_should_match", default)):
        return None
    return score + sum(should)


def _clauses(body, occur) -> list:
    clauses = body.get(occur, [])
    return clauses if isinstance(clauses, list) else [clauses]


def _values(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _in_range(value, bounds) -> bool:
    if value is None:
        return False
    checks = {"gte": value.__ge__, "gt": value.__gt__, "lte": value.__le__, "lt": value.__lt__}
    return all(checks[operator](bound) for operator, bound in bounds.items())


def _geo_distance(body, source):
    ((name, point),) = ((key, value) for key, value in body.items() if key != "distance")
    location = source.get(name)
    if not location:
        return None
    km = float(body["distance"].removesuffix("km"))
    return 0.0 if haversine_km(point["lat"], point["lon"], location["lat"], location["lon"]) <= km else None


def _multi_match(body, source):
    terms = words(body["query"])
    kind = body.get("type", "best_fields")
    best = None
    for spec in body["fields"]:
        name, _, boost = spec.partition("^")
        text = words(str(source.get(name.split(".")[0]) or ""))
        if kind == "bool_prefix":
            # Every term but the last a whole word, the last a word's start; OR-ed, as Elasticsearch's default.
            matched = any(term in text for term in terms[:-1]) or any(word.startswith(terms[-1]) for word in text)
        elif kind == "best_fields":
            matched = any(_word_matches(term, word, body) for term in terms for word in text)
        else:
            raise AssertionError(f"the memory node does not know multi_match of type {kind!r}")
        if matched:
            best = max(best or 0.0, float(boost or 1))
    return best


def _word_matches(term, word, body) -> bool:
    if term == word:
        return True
    if body.get("fuzziness") != "AUTO":
        return False
    prefix = body.get("prefix_length", 0)
    if term[:prefix] != word[:prefix]:
        return False
    edits = 0 if len(term) <= 2 else 1 if len(term) <= 5 else 2  # Elasticsearch's AUTO
    return _levenshtein(term, word) <= edits


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


# Aggregations and sorts -------------------------------------------------------------


def _aggregate(agg: dict, scored: list) -> dict:
    agg = dict(agg)
    nested = agg.pop("aggs", {})
    ((kind, body),) = agg.items()
    if kind == "filter":
        inside = [hit for hit in scored if _score(body, hit[1]) is not None]
        return {"doc_count": len(inside), **{name: _aggregate(sub, inside) for name, sub in nested.items()}}
    if kind == "terms":
        counts = {}
        for _id, source, _relevance in scored:
            for value in set(_values(source.get(body["field"]))):
                counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        shown = ordered[: body.get("size", 10)]
        return {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": sum(n for _value, n in ordered[len(shown) :]),
            "buckets": [{"key": value, "doc_count": n} for value, n in shown],
        }
    raise AssertionError(f"the memory node does not know the aggregation {kind!r}")


def _sort_key(sorts: list):
    def key(hit):
        id_, source, score = hit
        parts = []
        for sort in sorts:
            ((name, options),) = sort.items() if isinstance(sort, dict) else ((sort, {}),)
            descending = options.get("order", "desc" if name == "_score" else "asc") == "desc"
            if name == "_score":
                value = score
            elif name == "_geo_distance":
                point, location = options["location"], source.get("location")
                value = haversine_km(point["lat"], point["lon"], location["lat"], location["lon"]) if location else None
            else:
                value = source.get(name)
                if name == "created" and value is not None:
                    value = datetime.fromisoformat(value).timestamp()
            parts.append(_Sortable(value, descending))
        return parts

    return key


@dataclass
class _Sortable:
    """A sort value: missing values last whatever the order, as Elasticsearch's default."""

    value: object
    descending: bool

    def __lt__(self, other):
        if self.value is None or other.value is None:
            return self.value is not None and other.value is None
        if self.value == other.value:
            return False
        return (self.value > other.value) if self.descending else (self.value < other.value)

    def __eq__(self, other):
        return self.value == other.value
