from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "marketplace.networks"
    label = "networks"
    verbose_name = _("Network coordination")
    default_auto_field = "django.db.models.BigAutoField"
