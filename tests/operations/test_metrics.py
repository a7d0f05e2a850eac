"""/metrics for Prometheus: refused without the token, and counting what the platform does."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from search import backends
from search.interface import SupplierQuery
from search.services import index_rebuild
from search.tasks import reindex_suppliers

pytestmark = pytest.mark.django_db

TOKEN = "scrape-token-for-tests"


def scrape(client):
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return response.content.decode()


def sample(text, name, **labels):
    """The value of one sample, 0 when it is not there yet."""
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{key}="{value}"' in line for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.mark.parametrize("token", ["", TOKEN], ids=["metrics off", "metrics on"])
def test_metrics_are_not_shown_without_the_token(client, token):
    with override_settings(METRICS_TOKEN=token):
        assert client.get("/metrics").status_code == 404
        assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer a-guess").status_code == 404
        assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@override_settings(METRICS_TOKEN=TOKEN)
def test_requests_searches_and_tasks_are_counted(client):
    index_rebuild()
    before = scrape(client)
    assert client.get(reverse("organisations:supplier-list")).status_code == 200
    backends.search(SupplierQuery.from_params({"q": "bread"}))
    reindex_suppliers.enqueue([1])
    after = scrape(client)

    def grew(name, **labels):
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert grew("django_http_responses_total_by_status_total", status="200") == 1  # the page, not the scrape
    assert grew("responsible_search_seconds_count", backend="database", index="suppliers") >= 2
    task = "search.tasks.reindex_suppliers"
    assert grew("responsible_tasks_total", task=task, state="ENQUEUED") == 1
    assert grew("responsible_tasks_total", task=task, state="SUCCESSFUL") == 1
    assert re.search(r"^django_http_requests_latency_seconds_by_view_method_bucket\{", after, re.M)


@override_settings(METRICS_TOKEN=TOKEN, PAGE_CACHE_SECONDS=300)
def test_page_cache_hits_and_misses_are_counted_per_view(client):
    index_rebuild()
    directory = reverse("organisations:supplier-list")
    before = scrape(client)
    first, second = client.get(directory), client.get(directory)
    after = scrape(client)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    view = "search.views.SupplierDirectoryView"
    for result in ("miss", "hit"):
        growth = sample(after, "responsible_page_cache_total", view=view, result=result)
        assert growth - sample(before, "responsible_page_cache_total", view=view, result=result) == 1, result


@override_settings(METRICS_TOKEN=TOKEN, TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_database_queue_is_shown_as_every_process_sees_it(client):
    reindex_suppliers.enqueue([1])
    reindex_suppliers.enqueue([2])
    text = scrape(client)
    assert sample(text, "responsible_task_results", status="READY") == 2
    assert re.search(r"^responsible_task_oldest_waiting_seconds \d", text, re.M)
