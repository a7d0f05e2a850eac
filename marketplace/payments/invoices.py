"""The invoice of a supplier's part as a PDF: who bills whom, the part's own lines (never
another supplier's), VAT grouped by rate, and the payment terms.

Drawn with reportlab in Bitstream Vera, the TrueType font reportlab ships: its built-in
Helvetica only knows Windows-1252, which has no "č" or "đ" for our Serbian suppliers."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from marketplace.core import l10n
from marketplace.organisations import bank

from .models import Invoice

FONT, FONT_BOLD = "Vera", "VeraBd"
_FONTS_DIR = Path(reportlab.__file__).parent / "fonts"


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: int
    unit_price_excl_tax: Decimal
    vat_rate: Decimal  # percent
    net: Decimal
    vat: Decimal


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
        )
        for line in invoice.order.lines.order_by("pk")
    ]


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


def register_fonts() -> None:
    """Register reportlab's Vera fonts as FONT and FONT_BOLD (once a process)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, _FONTS_DIR / "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, _FONTS_DIR / "VeraBd.ttf"))


def _styles():
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#555555")),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD),
        "stamp": ParagraphStyle("stamp", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18),
    }


def _text(lines, style) -> Paragraph:
    # Paragraph reads its text as markup: names and titles typed by people are escaped.
    if isinstance(lines, str):
        lines = [lines]
    return Paragraph("<br/>".join(escape(str(line)) for line in lines if line), style)


def _party_block(invoice, styles):
    supplier, purchase = invoice.supplier, invoice.order.purchase
    supplier_lines = [
        supplier.name,
        supplier.street_address,
        f"{supplier.postcode} {supplier.city}".strip(),
        supplier.country.name,
        _("VAT ID: %(vat_id)s") % {"vat_id": supplier.vat_id} if supplier.vat_id else "",
        _("IBAN: %(iban)s") % {"iban": bank.iban_display(supplier.iban)} if supplier.iban else "",
        _("BIC: %(bic)s") % {"bic": supplier.bic} if supplier.bic else "",
    ]
    buyer_lines = [*purchase.billing_lines, _("VAT ID: %(vat_id)s") % {"vat_id": purchase.vat_id}]
    table = Table(
        [
            [_text(_("From"), styles["label"]), _text(_("Bill to"), styles["label"])],
            [_text(supplier_lines, styles["base"]), _text(buyer_lines, styles["base"])],
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _facts_block(invoice, styles):
    purchase = invoice.order.purchase
    facts = [
        (_("Invoice number"), invoice.number),
        (_("Issue date"), l10n.date_short(invoice.issued_on)),
        (_("Due date"), l10n.date_short(invoice.due_on)),
        (_("Purchase"), purchase.number),
        (_("Order"), invoice.order.number),
    ]
    if purchase.purchase_order_reference:
        facts.append((_("Your purchase order"), purchase.purchase_order_reference))
    facts.append((_("Delivery address"), ", ".join(line for line in purchase.delivery_lines if line)))
    rows = [[_text(label, styles["label"]), _text(value, styles["base"])] for label, value in facts]
    table = Table(rows, colWidths=[45 * mm, 125 * mm])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _lines_table(lines, currency, styles):
    header = [_("Description"), _("Qty"), _("Unit price excl. VAT"), _("VAT"), _("Net")]
    rows = [[_text(cell, styles["label"]) for cell in header]]
    for line in lines:
        rows.append(
            [
                _text(line.description, styles["base"]),
                str(line.quantity),
                format_money(line.unit_price_excl_tax, currency),
                format_rate(line.vat_rate),
                format_money(line.net, currency),
            ]
        )
    table = Table(rows, colWidths=[72 * mm, 14 * mm, 34 * mm, 16 * mm, 34 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 9),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
            ]
        )
    )
    return table


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


def _payment_terms(invoice) -> str:
    if invoice.order.purchase.payment_method == invoice.order.purchase.PaymentMethod.CARD:
        return _("Paid by card when the purchase was placed.")
    supplier = invoice.supplier
    if supplier.iban:
        return _(
            "Pay by bank transfer within %(days)s days to %(name)s, IBAN %(iban)s%(bic)s, quoting the invoice "
            "number %(number)s."
        ) % {
            "days": settings.INVOICE_DUE_DAYS,
            "name": supplier.name,
            "iban": bank.iban_display(supplier.iban),
            "bic": f" (BIC {supplier.bic})" if supplier.bic else "",
            "number": invoice.number,
        }
    return _("Pay by bank transfer within %(days)s days, quoting the invoice number %(number)s.") % {
        "days": settings.INVOICE_DUE_DAYS,
        "number": invoice.number,
    }


def invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice as a PDF document (A4)."""
    register_fonts()
    styles = _styles()
    invoice = Invoice.objects.select_related("supplier", "order__purchase").get(pk=invoice.pk)
    currency = invoice.order.purchase.currency
    lines = invoice_lines(invoice)
    story = [_text(_("Invoice %(number)s") % {"number": invoice.number}, styles["heading"]), Spacer(0, 4 * mm)]
    stamp = _stamp(invoice)
    if stamp:
        story += [_text(stamp, styles["stamp"]), Spacer(0, 3 * mm)]
    story += [
        _party_block(invoice, styles),
        Spacer(0, 6 * mm),
        _facts_block(invoice, styles),
        Spacer(0, 6 * mm),
        _lines_table(lines, currency, styles),
        Spacer(0, 4 * mm),
        KeepTogether(_totals_table(invoice, lines, currency, styles)),
        Spacer(0, 8 * mm),
        _text(_payment_terms(invoice), styles["base"]),
        Spacer(0, 2 * mm),
        _text(
            _("Issued by %(supplier)s through Responsible, the social-purchasing marketplace.")
            % {"supplier": invoice.supplier.name},
            styles["small"],
        ),
    ]
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Invoice %(number)s") % {"number": invoice.number},
        author=invoice.supplier.name,
    )
    document.build(story)
    return buffer.getvalue()
