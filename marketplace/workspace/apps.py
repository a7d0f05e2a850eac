from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The supplier workspace (/workspace/): what a social enterprise's members need to
    do today, in the site's design. It only reads and calls the other apps' selectors and
    services; it owns no models."""

    name = "marketplace.workspace"
    verbose_name = _("Supplier workspace")
