from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeductionsConfig(AppConfig):
    name = "marketplace.deductions"
    label = "deductions"
    verbose_name = _("Legal deductions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from marketplace.payments.models import Invoice

        from .signals import invoice_saved

        post_save.connect(invoice_saved, sender=Invoice, dispatch_uid="deductions.invoice_labour_shares")
