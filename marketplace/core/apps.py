from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every part of the platform relies on: system checks, the checks every form
    field makes of its input, and a record of e-mails that could not be sent."""

    name = "marketplace.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks, content, content_cache, sites, validators  # noqa: F401  (checks register on import)

        validators.form_text_checked()
        content.connect()
        content_cache.connect()
        post_migrate.connect(sites.site_domain_sync, sender=self)
