from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcingConfig(AppConfig):
    name = "marketplace.sourcing"
    label = "sourcing"
    verbose_name = _("Sourcing: needs, quotes, shortlists and messages")
    default_auto_field = "django.db.models.BigAutoField"
