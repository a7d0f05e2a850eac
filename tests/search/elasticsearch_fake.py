"""A fake Elasticsearch node for the Elasticsearch backend tests: the real
client (the production configuration, search.backends.elasticsearch.new_client)
talks to a FakeCluster that records every request (method, path, parameters,
body) and answers with recorded responses."""

import json
import re
from dataclasses import dataclass, field

import elastic_transport
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse  # what BaseNode.perform_request returns

from search.backends import elasticsearch as es_backend
from search.interface import FACET_NAMES

URL = "http://es.test:9200"
VERSIONED = r"\d{8}-\d{6}-\d{6}"  # the UTC timestamp of a rebuilt index
# The language sub-fields of every text field.
LANGUAGES = ("french", "german", "dutch", "english", "serbian")


def language_fields(text_fields, readers="english"):
    """The language sub-fields a text query reads, with their boosts: the reader's
    language's twice the others'."""
    return {
        f"{name}.{language}^{boost * (2 if language == readers else 1)}".removesuffix("^1")
        for name, boost in text_fields.items()
        for language in LANGUAGES
    }


# A fake Elasticsearch node ----------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object  # parsed JSON, a list of parsed lines for NDJSON, None without a body
    timeout: object


@dataclass
class FakeCluster:
    """Routes (method, path regex) to a response: (status, body), a callable
    taking the Request and returning one, or an exception to raise."""

    requests: list = field(default_factory=list)
    routes: list = field(default_factory=list)

    def on(self, method, path, response):
        self.routes.insert(0, (method, re.compile(path), response))  # later routes win

    def client(self, url=URL, timeout=2.0):
        """The production client configuration, but talking to this cluster."""
        return es_backend.new_client(url, timeout, node_class=type("Node", (FakeNode,), {"cluster": self}))

    def backend(self, backend_class=es_backend.ElasticsearchBackend):
        return backend_class(URL, client=self.client())

    def answer(self, request):
        for method, path, response in self.routes:
            if method == request.method and path.fullmatch(request.path):
                if isinstance(response, Exception):
                    raise response
                return response(request) if callable(response) else response
        raise AssertionError(f"unexpected request {request.method} {request.path}")

    def sent(self, method=None, path=None):
        return [r for r in self.requests if (method is None or r.method == method) and (path is None or r.path == path)]

    def calls(self):
        return [(r.method, r.path) for r in self.requests]


class FakeNode(BaseNode):
    _CLIENT_META_HTTP_CLIENT = ("fake", "1.0")
    cluster: FakeCluster

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path, _, query = target.partition("?")
        params = dict(part.split("=", 1) for part in query.split("&") if part)
        parsed = None
        if body:
            text = body.decode()
            if "ndjson" in (headers or {}).get("content-type", ""):
                parsed = [json.loads(line) for line in text.splitlines() if line]
            else:
                parsed = json.loads(text)
        request = Request(method, path, params, parsed, request_timeout)
        self.cluster.requests.append(request)
        status, payload = self.cluster.answer(request)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, b"" if method == "HEAD" else json.dumps(payload).encode())


def bulk_ok(request):
    """Acknowledge every action of a bulk request, as Elasticsearch does."""
    items = [
        {op: {"_index": meta["_index"], "_id": meta["_id"], "status": 200 if op == "delete" else 201}}
        for op, meta, _ in bulk_actions(request)
    ]
    return 200, {"took": 1, "errors": False, "items": items}


def bulk_actions(request):
    """(action, metadata, source or None) for each action of a recorded bulk body."""
    pairs, lines = [], iter(request.body)
    for line in lines:
        ((op, meta),) = line.items()
        pairs.append((op, meta, None if op == "delete" else next(lines)))
    return pairs


def search_response(hits=(), total=0, buckets=None, facets=FACET_NAMES):
    buckets = buckets or {}
    return {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "max_score": None,
            "hits": [{"_index": "responsible-suppliers-x", "_id": str(i), "_score": None} for i in hits],
        },
        "aggregations": {
            facet: {
                "doc_count": total,
                "values": {
                    "doc_count_error_upper_bound": 0,
                    "sum_other_doc_count": 0,
                    "buckets": [{"key": k, "doc_count": n} for k, n in buckets.get(facet, {}).items()],
                },
            }
            for facet in facets
        },
    }


def error(status, kind, reason="boom"):
    return status, {
        "error": {"root_cause": [{"type": kind, "reason": reason}], "type": kind, "reason": reason},
        "status": status,
    }


def accept_rebuilds(cluster, alias, old_index=None):
    """Answer a rebuild of `alias`: index creation and refresh, the alias
    (on `old_index`, or none yet), the swap and the old index's deletion."""
    cluster.on("PUT", rf"/{alias}-{VERSIONED}", (200, {"acknowledged": True}))
    cluster.on("POST", rf"/{alias}-[\w-]+/_refresh", (200, {}))
    if old_index:
        cluster.on("GET", rf"/_alias/{alias}", (200, {old_index: {"aliases": {alias: {}}}}))
        cluster.on("DELETE", rf"/{old_index}", (200, {"acknowledged": True}))
    else:
        cluster.on("GET", rf"/_alias/{alias}", error(404, "aliases_not_found_exception"))
    cluster.on("POST", r"/_aliases", (200, {"acknowledged": True}))
    return cluster


def assert_rebuilt_in_two_batches_then_swapped(cluster, alias, old_index) -> str:
    """The calls of a two-batch rebuild of `alias`: a new versioned index filled and
    refreshed, the alias moved from `old_index` in one call, the old index deleted.
    Returns the new index's name."""
    calls = cluster.calls()
    new = calls[0][1].lstrip("/")
    assert re.fullmatch(rf"{alias}-\d{{8}}-\d{{6}}-\d{{6}}", new)
    assert calls == [
        ("PUT", f"/{new}"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new}/_refresh"),
        ("GET", f"/_alias/{alias}"),
        ("POST", "/_aliases"),
        ("DELETE", f"/{old_index}"),
    ]
    (swap,) = cluster.sent("POST", "/_aliases")
    assert swap.body == {
        "actions": [{"remove": {"index": old_index, "alias": alias}}, {"add": {"index": new, "alias": alias}}]
    }
    return new


def refuse_everything(cluster):
    """An unreachable cluster: every connection is refused."""
    for method in ("POST", "PUT", "HEAD", "GET", "DELETE"):
        cluster.on(method, r".*", elastic_transport.ConnectionError("Connection refused"))
    return cluster


def configure(cluster, settings, monkeypatch):
    """ELASTICSEARCH_URL set, the backends' client talking to the fake cluster."""
    settings.ELASTICSEARCH_URL = URL
    monkeypatch.setattr(es_backend, "client_for", cluster.client)
