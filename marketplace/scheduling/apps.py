from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "marketplace.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduled jobs")
    default_auto_field = "django.db.models.BigAutoField"
