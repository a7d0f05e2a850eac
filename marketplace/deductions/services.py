"""Writes of the deductions app: suppliers declare statuses (claims, verified in
marketplace.verification) and labour shares, and each issued invoice keeps the labour
shares of its lines."""

from decimal import Decimal

from django.db import transaction

from marketplace.verification.services import claim_declared

from .models import InvoiceLabourShare, LegalStatus, ProductLabourShare


def legal_status_declare(*, supplier, by, status: str, registry_reference: str, evidence=None, valid_until=None):
    """A supplier declares (or renews, which asks for a new verification) one of its statuses."""
    legal_status = LegalStatus.objects.filter(supplier=supplier, status=status).first() or LegalStatus(
        supplier=supplier, status=status
    )
    legal_status.registry_reference = registry_reference
    legal_status.valid_until = valid_until
    return claim_declared(claim=legal_status, by=by, evidence=evidence)


@transaction.atomic
def labour_shares_set(*, shares: dict, by) -> None:
    """product → percent (None removes the share)."""
    for product, percent in shares.items():
        if percent is None:
            ProductLabourShare.objects.filter(product=product).delete()
        else:
            ProductLabourShare.objects.update_or_create(
                product=product, defaults={"percent": Decimal(percent), "updated_by": by}
            )


def invoice_labour_shares_record(invoice) -> list[InvoiceLabourShare]:
    """Copies the labour share of each of the invoice's lines as it stands now (when the
    invoice is issued). Lines of products without a share get no row: "not stated"."""
    product_ids = [line.get("product") for line in invoice.lines if line.get("product")]
    percents = dict(ProductLabourShare.objects.filter(product_id__in=product_ids).values_list("product_id", "percent"))
    rows = [
        InvoiceLabourShare(
            invoice=invoice, line_index=index, product_id=line["product"], percent=percents[line["product"]]
        )
        for index, line in enumerate(invoice.lines)
        if line.get("product") in percents
    ]
    return InvoiceLabourShare.objects.bulk_create(rows)
