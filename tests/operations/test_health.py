"""/health/ for load balancers and compose: what it checks, when it fails, what it never does."""

import datetime
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings

from marketplace.scheduling.services import tick
from search.services import index_rebuild
from search.tasks import reindex_suppliers

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 7, 10, 0, 30, tzinfo=datetime.UTC)
UNREACHABLE_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


def health(client, **headers):
    response = client.get("/health/", **headers)
    return response, json.loads(response.content)


@pytest.fixture
def running_platform():
    """An index built and a scheduler that has just beaten."""
    index_rebuild()
    with time_machine.travel(NOW - datetime.timedelta(seconds=20), tick=False):
        tick()


def test_a_running_platform_is_healthy_in_a_handful_of_queries(client, running_platform, django_assert_max_num_queries):
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(5):
        response, body = health(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "tasks", "scheduler"}
    assert body["checks"]["scheduler"]["last_beat_age_seconds"] == 20
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_a_silent_scheduler_degrades_but_keeps_the_replica_in_service(client, running_platform):
    with time_machine.travel(NOW + datetime.timedelta(minutes=10), tick=False):
        response, body = health(client)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["scheduler"] == {
        "ok": False,
        "last_beat_age_seconds": 620,
        "ms": body["checks"]["scheduler"]["ms"],
    }


def test_a_cache_that_cannot_be_reached_takes_the_replica_out(client, running_platform):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response, body = health(client)
    assert response.status_code == 503
    assert body["status"] == "failing"
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError", "ms": body["checks"]["cache"]["ms"]}


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, HEALTH_TASK_AGE_MAX=600)
def test_the_task_backlog_and_the_age_of_its_oldest_task(client, running_platform):
    with time_machine.travel(NOW - datetime.timedelta(minutes=20), tick=False):
        reindex_suppliers.enqueue([1])
    with time_machine.travel(NOW - datetime.timedelta(minutes=1), tick=False):
        reindex_suppliers.enqueue([2])
    with time_machine.travel(NOW, tick=False):
        response, body = health(client)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["tasks"]["waiting"] == 2
    assert body["checks"]["tasks"]["oldest_age_seconds"] == 20 * 60
    assert body["checks"]["tasks"]["ok"] is False


@override_settings(ALLOWED_HOSTS=["responsible.example"], SECURE_SSL_REDIRECT=True)
def test_load_balancers_probe_replicas_by_address_over_plain_http(client, running_platform):
    with time_machine.travel(NOW, tick=False):
        response, body = health(client, HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert client.get("/", HTTP_HOST="10.0.3.7:8000").status_code == 400  # the rest of the site still checks


def test_the_health_command_fails_for_a_required_check_that_is_not_ok(running_platform, capsys):
    with time_machine.travel(NOW, tick=False):
        call_command("health", "--require", "scheduler")
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    with (
        time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False),
        pytest.raises(CommandError, match="scheduler"),
    ):
        call_command("health", "--require", "scheduler")
