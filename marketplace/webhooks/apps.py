from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "marketplace.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks: endpoints and deliveries")
    default_auto_field = "django.db.models.BigAutoField"
