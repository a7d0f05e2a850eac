from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "marketplace.impact"
    label = "impact"
    verbose_name = _("Impact report")
    default_auto_field = "django.db.models.BigAutoField"
