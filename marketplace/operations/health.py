"""/health/ and `manage.py health`: one function per check, in CHECKS.

A critical check that fails (database, cache) makes the answer 503: a load balancer takes the replica out. The
others report "degraded" with 200: search falls back to the database index, a task backlog or a silent scheduler
are for operators' alerts, and taking every web replica out for them would stop the whole site."""

import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone


@dataclass
class Result:
    ok: bool
    critical: bool
    detail: dict = field(default_factory=dict)


def database() -> Result:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return Result(cursor.fetchone() == (1,), critical=True)


def cache_round_trip() -> Result:
    key, token = "health:probe", uuid.uuid4().hex
    cache.set(key, token, 30)
    return Result(cache.get(key) == token, critical=True, detail={"backend": settings.CACHES["default"]["BACKEND"]})


def search_backend() -> Result:
    from search import backends
    from search.models import IndexState

    backend = backends.primary_backend("suppliers")
    if backend.name == "elasticsearch":
        return Result(bool(backend.client.ping()), critical=False, detail={"backend": backend.name})
    built = set(IndexState.objects.values_list("name", flat=True))
    return Result(
        {"suppliers", "products"} <= built, critical=False, detail={"backend": backend.name, "built": sorted(built)}
    )


def task_backlog() -> Result:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return Result(True, critical=False, detail={"queued": False})
    waiting = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    oldest = waiting.first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return Result(
        age <= settings.HEALTH_TASK_AGE_MAX,
        critical=False,
        detail={"waiting": waiting.count(), "oldest_age_seconds": round(age)},
    )


def scheduler() -> Result:
    from marketplace.scheduling.selectors import scheduler_heartbeat

    beat = scheduler_heartbeat()
    age = (timezone.now() - beat).total_seconds() if beat else None
    ok = age is not None and age <= settings.HEALTH_SCHEDULER_AGE_MAX
    return Result(ok, critical=False, detail={"last_beat_age_seconds": None if age is None else round(age)})


CHECKS = {
    "database": database,
    "cache": cache_round_trip,
    "search": search_backend,
    "tasks": task_backlog,
    "scheduler": scheduler,
}


def health_report() -> tuple[str, dict]:
    """The status ("ok", "degraded" or "failing") and each check's result and time."""
    checks, failing, degraded = {}, False, False
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            result = check()
        except Exception as error:  # a check that cannot run has failed; say why, never raise
            result = Result(False, critical=name in ("database", "cache"), detail={"error": type(error).__name__})
        failing |= result.critical and not result.ok
        degraded |= not result.ok
        checks[name] = {"ok": result.ok, **result.detail, "ms": round((time.perf_counter() - started) * 1000, 1)}
    status = "failing" if failing else "degraded" if degraded else "ok"
    return status, checks
