from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpendConfig(AppConfig):
    name = "marketplace.spend"
    label = "spend"
    verbose_name = _("Declared spend")
    default_auto_field = "django.db.models.BigAutoField"
