from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "marketplace.audit"
    label = "audit"
    verbose_name = _("Audit log")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from axes.signals import user_locked_out

        from .services import sign_in_locked_out

        user_locked_out.connect(sign_in_locked_out, dispatch_uid="audit-sign-in-locked-out")
