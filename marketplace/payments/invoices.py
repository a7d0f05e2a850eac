"""The invoice of a supplier's part as a PDF (drawn with marketplace.core.pdf): who bills
whom, the part's own lines (never another supplier's), VAT grouped by rate, and the
payment terms."""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether
from stdnum import iso11649
from stdnum.iso7064 import mod_97_10

from marketplace.core import l10n, pdf
from marketplace.core.pdf import FONT, FONT_BOLD, text
from marketplace.order.selectors import part_references
from marketplace.organisations import bank
from marketplace.partner import vat_rules

from .models import Invoice


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: int
    unit_price_excl_tax: Decimal
    vat_rate: Decimal  # percent
    net: Decimal
    vat: Decimal
    vat_treatment: str = ""  # a code of marketplace.partner.vat_rules.TREATMENTS; "" before the rules


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


def invoice_lines(invoice: Invoice) -> list[InvoiceLine]:
    """The lines of the invoiced part: every line of a part is its supplier's."""
    return [
        InvoiceLine(
            description=line.title,
            quantity=line.quantity,
            unit_price_excl_tax=line.unit_price_excl_tax,
            vat_rate=_rate_of(line),
            net=line.line_price_excl_tax,
            vat=line.line_price_incl_tax - line.line_price_excl_tax,
            vat_treatment=line.vat_treatment,
        )
        for line in invoice.order.lines.order_by("pk")
    ]


def payment_reference(invoice: Invoice) -> str:
    """The invoice's structured creditor reference (ISO 11649 "RF…", as banks across the
    euro area read it), made from the invoice number: a transfer quoting it is matched
    to this invoice whatever else the payer types."""
    reference = re.sub(r"[^A-Za-z0-9]", "", invoice.number).upper()[:21]
    return f"RF{mod_97_10.calc_check_digits(reference + 'RF')}{reference}"


def epc_qr_payload(invoice: Invoice) -> str:
    """The text of the EPC QR code ("GiroCode", EPC069-12 version 002) a bank app scans to
    fill in the transfer: the supplier's name, IBAN and BIC, the amount, the reference."""
    supplier = invoice.supplier
    return "\n".join(
        [
            "BCD", "002", "1", "SCT", supplier.bic or "", supplier.name[:70], supplier.iban,
            f"{invoice.order.purchase.currency}{invoice.total_incl_tax:.2f}", "", payment_reference(invoice), "",
        ]
    )  # fmt: skip


def _payment_qr(invoice: Invoice, size=32 * mm) -> Drawing:
    widget = QrCodeWidget(epc_qr_payload(invoice), barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    return drawing


def vat_mentions(lines: list[InvoiceLine]) -> list[str]:
    """The legal mentions of the exempt or reverse-charged lines (art. 226(11), (11a)), each once."""
    codes = (line.vat_treatment for line in lines)
    treatments = dict.fromkeys(vat_rules.TREATMENTS[code] for code in codes if code in vat_rules.TREATMENTS)
    return [str(treatment.mention) for treatment in treatments if treatment.mention]


def vat_by_rate(lines: list[InvoiceLine]) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(rate, net, VAT) per VAT rate, lowest rate first."""
    totals: dict[Decimal, tuple[Decimal, Decimal]] = {}
    for line in lines:
        net, vat = totals.get(line.vat_rate, (Decimal("0"), Decimal("0")))
        totals[line.vat_rate] = (net + line.net, vat + line.vat)
    return [(rate, net, vat) for rate, (net, vat) in sorted(totals.items())]


def format_rate(rate: Decimal) -> str:
    return f"{format(rate.normalize(), 'f')} %"


def format_money(amount: Decimal, currency: str) -> str:
    return l10n.money(amount, currency)


def _party_block(invoice, styles):
    supplier, purchase = invoice.supplier, invoice.order.purchase
    supplier_lines = [
        *supplier.address_lines,
        _("VAT ID: %(vat_id)s") % {"vat_id": supplier.vat_id} if supplier.vat_id else "",
        _("IBAN: %(iban)s") % {"iban": bank.iban_display(supplier.iban)} if supplier.iban else "",
        _("BIC: %(bic)s") % {"bic": supplier.bic} if supplier.bic else "",
    ]
    buyer_lines = [*purchase.billing_lines, _("VAT ID: %(vat_id)s") % {"vat_id": purchase.vat_id}]
    return pdf.parties((_("From"), supplier_lines), (_("Bill to"), buyer_lines), styles)


def _facts_block(invoice, styles):
    purchase = invoice.order.purchase
    rows = [
        (_("Invoice number"), invoice.number),
        (_("Issue date"), l10n.date_short(invoice.issued_on)),
        (_("Due date"), l10n.date_short(invoice.due_on)),
        *part_references(invoice.order),
        (_("Delivery address"), ", ".join(line for line in purchase.delivery_lines if line)),
    ]
    return pdf.facts(rows, styles)


def _lines_table(lines, currency, styles):
    header = [_("Description"), _("Qty"), _("Unit price excl. VAT"), _("VAT"), _("Net")]
    rows = [
        [
            text(line.description, styles["base"]),
            str(line.quantity),
            format_money(line.unit_price_excl_tax, currency),
            format_rate(line.vat_rate),
            format_money(line.net, currency),
        ]
        for line in lines
    ]
    return pdf.lines_table(header, rows, [72 * mm, 14 * mm, 34 * mm, 16 * mm, 34 * mm], styles)


def _totals_table(invoice, lines, currency, styles):
    rows = [[_("Total net"), format_money(invoice.total_excl_tax, currency)]]
    for rate, net, vat in vat_by_rate(lines):
        rows.append(
            [
                _("VAT %(rate)s on %(net)s") % {"rate": format_rate(rate), "net": format_money(net, currency)},
                format_money(vat, currency),
            ]
        )
    rows.append([_("Total VAT"), format_money(invoice.total_tax, currency)])
    rows.append([_("Total to pay"), format_money(invoice.total_incl_tax, currency)])
    table = Table(rows, colWidths=[70 * mm, 34 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
            ]
        )
    )
    return table


def _stamp(invoice) -> str:
    if invoice.status == Invoice.Status.PAID and invoice.paid_on:
        return _("PAID on %(date)s") % {"date": l10n.date_short(invoice.paid_on)}
    if invoice.status == Invoice.Status.VOID:
        return _("VOID: this invoice is cancelled and asks for no payment")
    return ""


def _pays_by_transfer(invoice) -> bool:
    """Whether the buyer still pays this invoice by transfer to the supplier's account."""
    by_card = invoice.order.purchase.payment_method == invoice.order.purchase.PaymentMethod.CARD
    return not by_card and bool(invoice.supplier.iban) and invoice.status == Invoice.Status.OPEN


def _payment_terms(invoice) -> str:
    if invoice.order.purchase.payment_method == invoice.order.purchase.PaymentMethod.CARD:
        return _("Paid by card when the purchase was placed.")
    supplier = invoice.supplier
    if supplier.iban:
        return _(
            "Pay by bank transfer within %(days)s days to %(name)s, IBAN %(iban)s%(bic)s, with the payment "
            "reference %(reference)s (or scan the QR code with your bank app)."
        ) % {
            "days": settings.INVOICE_DUE_DAYS,
            "name": supplier.name,
            "iban": bank.iban_display(supplier.iban),
            "bic": f" (BIC {supplier.bic})" if supplier.bic else "",
            "reference": iso11649.format(payment_reference(invoice)),
        }
    return _("Pay by bank transfer within %(days)s days, quoting the invoice number %(number)s.") % {
        "days": settings.INVOICE_DUE_DAYS,
        "number": invoice.number,
    }


def invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice as a PDF document (A4)."""
    styles = pdf.styles()
    invoice = Invoice.objects.select_related("supplier", "order__purchase").get(pk=invoice.pk)
    currency = invoice.order.purchase.currency
    lines = invoice_lines(invoice)
    title = _("Invoice %(number)s") % {"number": invoice.number}
    story = [text(title, styles["heading"]), Spacer(0, 4 * mm)]
    stamp = _stamp(invoice)
    if stamp:
        story += [text(stamp, styles["stamp"]), Spacer(0, 3 * mm)]
    story += [
        _party_block(invoice, styles),
        Spacer(0, 6 * mm),
        _facts_block(invoice, styles),
        Spacer(0, 6 * mm),
        _lines_table(lines, currency, styles),
        Spacer(0, 4 * mm),
        KeepTogether(_totals_table(invoice, lines, currency, styles)),
        *[text(mention, styles["base"]) for mention in vat_mentions(lines)],
        Spacer(0, 8 * mm),
        text(_payment_terms(invoice), styles["base"]),
        *([Spacer(0, 2 * mm), _payment_qr(invoice)] if _pays_by_transfer(invoice) else []),
        Spacer(0, 2 * mm),
        text(
            _("Issued by %(supplier)s through Responsible, the social-purchasing marketplace.")
            % {"supplier": invoice.supplier.name},
            styles["small"],
        ),
    ]
    return pdf.document(story, title=title, author=invoice.supplier.name)
