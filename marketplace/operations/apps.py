from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What the people who run the platform watch: /health/ and the Prometheus metrics."""

    name = "marketplace.operations"
    label = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import metrics

        metrics.task_signals_connect()
