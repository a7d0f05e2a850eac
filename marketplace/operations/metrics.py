"""Prometheus metrics of our own, beside django-prometheus's requests, latencies and response codes per view.

With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR (an empty folder per start): every process writes
there and /metrics adds them up (prometheus_client's multiprocess mode, which django-prometheus's view uses)."""

from django.db.models import Count, Min
from django.utils import timezone
from django_tasks.signals import task_enqueued, task_finished
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

SEARCH_SECONDS = Histogram(
    "responsible_search_seconds",
    "Time to answer a search, per backend and index.",
    ["backend", "index"],
    buckets=(0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
TASKS = Counter(
    "responsible_tasks_total",
    "Background tasks enqueued and finished (SUCCESSFUL or FAILED), per task, in the process where it happened.",
    ["task", "state"],
)
PAGE_CACHE = Counter(
    "responsible_page_cache_total",
    "Public pages asked of the page cache (marketplace.core.page_cache), per view: served whole (hit) or "
    "rendered and kept (miss).",
    ["view", "result"],
)


class TaskQueueCollector:
    """The database task queue as every process and machine sees it, read when Prometheus scrapes: results per
    status and the age of the oldest waiting task (workers elsewhere count their own finished tasks above)."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        results = GaugeMetricFamily(
            "responsible_task_results", "Task results in the database queue, by status.", labels=["status"]
        )
        for status, count in DBTaskResult.objects.order_by().values_list("status").annotate(Count("id")):
            results.add_metric([status], count)
        yield results
        oldest = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
        yield GaugeMetricFamily(
            "responsible_task_oldest_waiting_seconds",
            "Age of the oldest task waiting for a worker (0 when none waits).",
            value=(timezone.now() - oldest).total_seconds() if oldest else 0,
        )


QUEUE_REGISTRY = CollectorRegistry(auto_describe=False)
QUEUE_REGISTRY.register(TaskQueueCollector())


def _task_enqueued(sender, task_result, **kwargs):
    TASKS.labels(task=task_result.task.module_path, state="ENQUEUED").inc()


def _task_finished(sender, task_result, **kwargs):
    TASKS.labels(task=task_result.task.module_path, state=str(task_result.status)).inc()


def task_signals_connect():
    task_enqueued.connect(_task_enqueued, dispatch_uid="operations.metrics.task_enqueued")
    task_finished.connect(_task_finished, dispatch_uid="operations.metrics.task_finished")
