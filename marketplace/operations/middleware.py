import hmac

from django.conf import settings
from django.http import HttpResponseNotFound, JsonResponse
from django.utils.cache import add_never_cache_headers
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import generate_latest

from .health import health_report
from .metrics import QUEUE_REGISTRY


class OperationsMiddleware:
    """Answers /health/ and /metrics before any other middleware: load balancers and Prometheus call the
    replicas by address over plain HTTP, which the host check and the HTTPS redirect would refuse. Neither
    answer holds personal data; /metrics needs the METRICS_TOKEN bearer token and is absent without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/health/":
            return health(request)
        if request.path == "/metrics":
            return metrics(request)
        return self.get_response(request)


def health(request):
    status, checks = health_report()
    response = JsonResponse({"status": status, "checks": checks}, status=503 if status == "failing" else 200)
    add_never_cache_headers(response)
    return response


def metrics(request):
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        return HttpResponseNotFound()  # plain: the site's 404 page needs middleware that has not run
    response = ExportToDjangoView(request)
    response.content += generate_latest(QUEUE_REGISTRY)
    add_never_cache_headers(response)
    return response
