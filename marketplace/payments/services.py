"""Invoices and credit notes of purchase parts (and, with Stripe, card payments)."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalogue.attributes import unit_stored
from marketplace.partner.strategy import product_kind
from marketplace.webhooks import events as webhook_events
from marketplace.webhooks.models import EventType

from .models import Invoice, InvoiceSequence

PREFIXES = {Invoice.Kind.INVOICE: "INV", Invoice.Kind.CREDIT_NOTE: "CN"}


def invoice_number_format(*, supplier, year: int, sequence: int, kind: str = Invoice.Kind.INVOICE) -> str:
    """E.g. INV-42-2026-00007 (CN-… for credit notes): the supplier's id keeps numbers
    unique across the platform (two suppliers' slugs may share their first letters),
    then year and sequence."""
    return f"{PREFIXES[kind]}-{supplier.pk}-{year}-{sequence:05d}"


def _next_number(supplier, year: int, kind: str) -> str:
    # The row lock keeps the numbers of one supplier, series and year gapless under concurrency.
    sequence, _ = InvoiceSequence.objects.select_for_update().get_or_create(supplier=supplier, kind=kind, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return invoice_number_format(supplier=supplier, year=year, sequence=sequence.last, kind=kind)


def _rate_of(line) -> Decimal:
    # Our pricing strategy stores the rate in the line's tax code ("VAT-17"); older or
    # foreign lines get it back from their prices.
    code = line.tax_code or ""
    if code.startswith("VAT-"):
        try:
            return Decimal(code[4:])
        except InvalidOperation:
            pass
    if not line.line_price_excl_tax:
        return Decimal("0")
    tax = line.line_price_incl_tax - line.line_price_excl_tax
    return (tax * 100 / line.line_price_excl_tax).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _address(name, street, postcode, city, country) -> dict:
    return {"name": name, "street": street, "postcode": postcode, "city": city, "country": str(country)}


def invoice_snapshot(part) -> dict:
    """What an invoice of `part` says about the parties and lines, as they stand now:
    copied into the invoice, so that it never changes afterwards."""
    supplier, purchase = part.supplier, part.purchase
    seller = _address(supplier.name, supplier.street_address, supplier.postcode, supplier.city, supplier.country)
    seller |= {
        "vat_id": supplier.vat_id,
        "iban": supplier.iban,
        "bic": supplier.bic,
        "email": supplier.email,
        "phone": supplier.phone,
    }
    buyer = _address(
        purchase.billing_name,
        purchase.billing_street_address,
        purchase.billing_postcode,
        purchase.billing_city,
        purchase.billing_country,
    )
    buyer |= {
        "vat_id": purchase.vat_id,
        "purchase_order_reference": purchase.purchase_order_reference,
        "purchase": purchase.number,
        "part": part.number,
        "payment_method": purchase.payment_method,
    }
    delivery = _address(
        purchase.delivery_name,
        purchase.delivery_street_address,
        purchase.delivery_postcode,
        purchase.delivery_city,
        purchase.delivery_country,
    )
    lines = [
        {
            "description": line.title,
            "product": line.product_id,
            "sku": line.partner_sku,
            "kind": product_kind(line.product) if line.product else "",
            "quantity": line.quantity,
            "unit": unit_stored(line.product) if line.product else "",
            "unit_price_excl_tax": str(line.unit_price_excl_tax),
            "vat_rate": str(_rate_of(line)),
            "net": str(line.line_price_excl_tax),
            "vat": str(line.line_price_incl_tax - line.line_price_excl_tax),
            "vat_treatment": line.vat_treatment,
        }
        for line in part.lines.select_related("product__product_class", "product__parent__product_class").order_by("pk")
    ]
    return {"seller": seller, "buyer": buyer, "delivery": delivery, "lines": lines}


def invoice_issue(part) -> Invoice:
    """Issues the invoice of a supplier's part (once), due INVOICE_DUE_DAYS later. Its
    date of supply is the delivery date the buyer wished, else the day of issue. A part
    paid by card gets an invoice that is already paid."""
    existing = Invoice.objects.filter(order=part, kind=Invoice.Kind.INVOICE).first()
    if existing:
        return existing
    today = timezone.localdate()
    purchase = part.purchase
    paid_by_card = purchase.payment_status == purchase.PaymentStatus.PAID
    with transaction.atomic():
        invoice = Invoice.objects.create(
            order=part,
            supplier=part.supplier,
            number=_next_number(part.supplier, today.year, Invoice.Kind.INVOICE),
            issued_on=today,
            supplied_on=purchase.wished_date or today,
            due_on=today + timedelta(days=settings.INVOICE_DUE_DAYS),
            currency=purchase.currency,
            total_excl_tax=part.total_excl_tax,
            total_tax=part.total_incl_tax - part.total_excl_tax,
            total_incl_tax=part.total_incl_tax,
            status=Invoice.Status.PAID if paid_by_card else Invoice.Status.OPEN,
            paid_on=today if paid_by_card else None,
            **invoice_snapshot(part),
        )
        _invoice_events(invoice)
    return invoice


def _invoice_events(invoice: Invoice) -> None:
    """Tells the parties' systems (webhooks) of an invoice or credit note issued, and paid
    when it is settled at once (card payments, credit notes of unpaid invoices)."""
    webhook_events.invoice_changed(invoice, EventType.INVOICE_ISSUED)
    if invoice.status == Invoice.Status.PAID:
        webhook_events.invoice_changed(invoice, EventType.INVOICE_PAID)


@transaction.atomic
def credit_note_issue(*, invoice: Invoice, reason: str) -> Invoice:
    """Cancels an issued invoice in full with a credit note that points to it (the invoice
    itself never changes but for its payment state). Once per invoice: a second call
    returns the first credit note.

    The credit note is settled at once when nothing was paid (the invoice stops asking
    for payment) or when the money goes back by card (a card-paid part is refunded with
    its credit note); after a transfer it stays open until the supplier marks the
    repayment made. `reason` is a CreditReason."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    existing = invoice.credit_notes.first()
    if existing:
        return existing
    today = timezone.localdate()
    owed_back = invoice.status == Invoice.Status.PAID and not invoice.paid_by_card
    credit_note = Invoice.objects.create(
        kind=Invoice.Kind.CREDIT_NOTE,
        corrects=invoice,
        reason=reason,
        order=invoice.order,
        supplier=invoice.supplier,
        number=_next_number(invoice.supplier, today.year, Invoice.Kind.CREDIT_NOTE),
        issued_on=today,
        supplied_on=invoice.supplied_on,
        due_on=today + timedelta(days=settings.INVOICE_DUE_DAYS) if owed_back else today,
        currency=invoice.currency,
        seller=invoice.seller,
        buyer=invoice.buyer,
        delivery=invoice.delivery,
        lines=invoice.lines,
        total_excl_tax=invoice.total_excl_tax,
        total_tax=invoice.total_tax,
        total_incl_tax=invoice.total_incl_tax,
        status=Invoice.Status.OPEN if owed_back else Invoice.Status.PAID,
        paid_on=None if owed_back else today,
    )
    if invoice.status == Invoice.Status.OPEN:
        invoice.status = Invoice.Status.VOID
        invoice.save(update_fields=["status"])
    _invoice_events(credit_note)
    return credit_note


def part_credit(*, part, reason: str) -> Invoice | None:
    """A rejected, cancelled or refunded part: its invoice, if one was issued, is cancelled
    by a credit note (returned). `reason` is a CreditReason."""
    invoice = Invoice.objects.filter(order=part, kind=Invoice.Kind.INVOICE).first()
    if invoice is None:
        return None
    return credit_note_issue(invoice=invoice, reason=reason)


@transaction.atomic
def invoice_mark_paid(*, invoice: Invoice, by) -> Invoice:
    """The supplier received the transfer (or, for a credit note, paid the buyer back).
    Idempotent: an invoice already paid keeps its date and who marked it; a void invoice
    stays void. Whether `by` may do this is the caller's check (see selectors.invoice_payable_by)."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.OPEN:
        return invoice
    invoice.status = Invoice.Status.PAID
    invoice.paid_on = timezone.localdate()
    invoice.marked_paid_by = by
    invoice.save(update_fields=["status", "paid_on", "marked_paid_by"])
    webhook_events.invoice_changed(invoice, EventType.INVOICE_PAID)
    return invoice
