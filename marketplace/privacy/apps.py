from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "marketplace.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from . import checks  # noqa: F401  (registers the check that every link to a person is declared)
