from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """How buyers pay suppliers: invoices per purchase part, card payments through Stripe, webhooks."""

    name = "marketplace.payments"
    verbose_name = _("Payments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.order import signals

        from . import receivers

        signals.part_accepted.connect(receivers.part_accepted, dispatch_uid="payments.invoice_issue")
        signals.part_closing.connect(receivers.part_closing, dispatch_uid="payments.credit_and_refund")
