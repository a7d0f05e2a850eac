"""Invoices of purchase parts (and, with Stripe, card payments)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Invoice, InvoiceSequence


def invoice_number_format(*, supplier, year: int, sequence: int) -> str:
    """E.g. INV-42-2026-00007: the supplier's id keeps numbers unique across the platform
    (two suppliers' slugs may share their first letters), then year and sequence."""
    return f"INV-{supplier.pk}-{year}-{sequence:05d}"


def _next_invoice_number(supplier, year: int) -> str:
    # The row lock keeps the numbers of one supplier and year gapless under concurrency.
    sequence, _ = InvoiceSequence.objects.select_for_update().get_or_create(supplier=supplier, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return invoice_number_format(supplier=supplier, year=year, sequence=sequence.last)


def invoice_issue(part) -> Invoice:
    """Issues the invoice of a supplier's part (once), due INVOICE_DUE_DAYS later. A part
    paid by card gets an invoice that is already paid."""
    existing = Invoice.objects.filter(order=part).first()
    if existing:
        return existing
    today = timezone.localdate()
    paid_by_card = part.purchase is not None and part.purchase.payment_status == part.purchase.PaymentStatus.PAID
    with transaction.atomic():
        return Invoice.objects.create(
            order=part,
            supplier=part.supplier,
            number=_next_invoice_number(part.supplier, today.year),
            issued_on=today,
            due_on=today + timedelta(days=settings.INVOICE_DUE_DAYS),
            total_excl_tax=part.total_excl_tax,
            total_tax=part.total_incl_tax - part.total_excl_tax,
            total_incl_tax=part.total_incl_tax,
            status=Invoice.Status.PAID if paid_by_card else Invoice.Status.OPEN,
            paid_on=today if paid_by_card else None,
        )


def invoice_void(part) -> None:
    """A rejected or cancelled part's invoice no longer asks for payment (its number stays used)."""
    Invoice.objects.filter(order=part, status=Invoice.Status.OPEN).update(status=Invoice.Status.VOID)


@transaction.atomic
def invoice_mark_paid(*, invoice: Invoice, by) -> Invoice:
    """The supplier received the transfer. Idempotent: an invoice already paid keeps its
    date and who marked it; a void invoice stays void. Whether `by` may do this is the
    caller's check (see selectors.invoice_payable_by)."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.OPEN:
        return invoice
    invoice.status = Invoice.Status.PAID
    invoice.paid_on = timezone.localdate()
    invoice.marked_paid_by = by
    invoice.save(update_fields=["status", "paid_on", "marked_paid_by"])
    return invoice
