"""Each invoice keeps the labour shares of its lines as they were when it was issued
(connected in DeductionsConfig.ready: payments knows nothing of deductions)."""

from marketplace.payments.models import Invoice

from .services import invoice_labour_shares_record


def invoice_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.kind == Invoice.Kind.INVOICE:
        invoice_labour_shares_record(instance)
