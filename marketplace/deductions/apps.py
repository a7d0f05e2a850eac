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

        from .services import invoice_labour_shares_record

        def on_invoice_saved(sender, instance, created, raw=False, **kwargs):
            if created and not raw and instance.kind == Invoice.Kind.INVOICE:
                invoice_labour_shares_record(instance)

        post_save.connect(on_invoice_saved, sender=Invoice, dispatch_uid="deductions.invoice_labour_shares")
