from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "marketplace.verification"
    label = "verification"
    verbose_name = _("Verification of claims")
    default_auto_field = "django.db.models.BigAutoField"
