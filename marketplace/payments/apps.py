from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """How buyers pay suppliers: invoices per purchase part, card payments through Stripe, webhooks."""

    name = "marketplace.payments"
    verbose_name = _("Payments")
    default_auto_field = "django.db.models.BigAutoField"
