"""The invoice of a supplier's part as a PDF (drawn with marketplace.core.pdf): who bills
whom, the part's own lines (never another supplier's), VAT grouped by rate, and the
payment terms."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django_countries.fields import Country
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether
from stdnum import iso11649
from stdnum.iso7064 import mod_97_10

from catalogue.attributes import unit_shown
from marketplace.core import l10n, pdf
from marketplace.core.pdf import FONT, FONT_BOLD, text
from marketplace.organisations import bank
from marketplace.partner import vat_rules

from .models import Invoice


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: int
    unit: str  # as stored (catalogue.attributes.unit_stored); "" when the product had none
    unit_price_excl_tax: Decimal
    vat_rate: Decimal  # percent
    net: Decimal
    vat: Decimal
    vat_treatment: str = ""  # a code of marketplace.partner.vat_rules.TREATMENTS; "" before the rules
    kind: str = ""  # catalogue.attributes.GOODS or SERVICE; "" when the product is gone


def invoice_lines(invoice: Invoice) -> list[InvoiceLine]:
    """The lines of the invoice as issued (every line of a part is its supplier's)."""
    return [
        InvoiceLine(
            description=line["description"],
            quantity=line["quantity"],
            unit=line.get("unit", ""),
            unit_price_excl_tax=Decimal(line["unit_price_excl_tax"]),
            vat_rate=Decimal(line["vat_rate"]),
            net=Decimal(line["net"]),
            vat=Decimal(line["vat"]),
            vat_treatment=line.get("vat_treatment", ""),
            kind=line.get("kind", ""),
        )
        for line in invoice.lines
    ]


def invoice_filename(invoice: Invoice, extension: str) -> str:
    prefix = "credit-note" if invoice.is_credit_note else "invoice"
    return f"{prefix}-{invoice.number}.{extension}"


def address_lines(party: dict) -> list[str]:
    """A party of the document (seller, buyer, delivery) as lines, its country in the reader's language."""
    country = Country(party.get("country", "")).name if party.get("country") else ""
    return [
        party.get("name", ""),
        party.get("street", ""),
        f"{party.get('postcode', '')} {party.get('city', '')}".strip(),
        country,
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
    seller = invoice.seller
    return "\n".join(
        [
            "BCD", "002", "1", "SCT", seller.get("bic") or "", seller["name"][:70], seller["iban"],
            f"{invoice.currency}{invoice.total_incl_tax:.2f}", "", payment_reference(invoice), "",
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
    seller, buyer = invoice.seller, invoice.buyer
    seller_lines = [
        *address_lines(seller),
        _("VAT ID: %(vat_id)s") % {"vat_id": seller["vat_id"]} if seller.get("vat_id") else "",
        _("IBAN: %(iban)s") % {"iban": bank.iban_display(seller["iban"])} if seller.get("iban") else "",
        _("BIC: %(bic)s") % {"bic": seller["bic"]} if seller.get("bic") else "",
    ]
    buyer_lines = [*address_lines(buyer), _("VAT ID: %(vat_id)s") % {"vat_id": buyer.get("vat_id", "")}]
    return pdf.parties((_("From"), seller_lines), (_("Bill to"), buyer_lines), styles)


def _facts_block(invoice, styles):
    buyer = invoice.buyer
    number_label = _("Credit note number") if invoice.is_credit_note else _("Invoice number")
    rows = [(number_label, invoice.number)]
    if invoice.is_credit_note:
        rows.append(
            (_("Cancels invoice"), f"{invoice.corrects.number} ({l10n.date_short(invoice.corrects.issued_on)})")
        )
        rows.append((_("Reason"), invoice.get_reason_display()))
    rows += [
        (_("Issue date"), l10n.date_short(invoice.issued_on)),
        (_("Date of supply"), l10n.date_short(invoice.supplied_on)),
    ]
    if not invoice.is_credit_note:
        rows.append((_("Due date"), l10n.date_short(invoice.due_on)))
    rows += [(_("Purchase"), buyer.get("purchase", "")), (_("Order"), buyer.get("part", ""))]
    if buyer.get("purchase_order_reference"):
        rows.append((_("Your purchase order"), buyer["purchase_order_reference"]))
    rows.append((_("Delivery address"), ", ".join(line for line in address_lines(invoice.delivery) if line)))
    return pdf.facts(rows, styles)


def _lines_table(lines, currency, styles):
    header = [_("Description"), _("Qty"), _("Unit price excl. VAT"), _("VAT"), _("Net")]
    rows = [
        [
            text(line.description, styles["base"]),
            f"{line.quantity} {unit_shown(line.unit)}".strip(),
            format_money(line.unit_price_excl_tax, currency),
            format_rate(line.vat_rate),
            format_money(line.net, currency),
        ]
        for line in lines
    ]
    return pdf.lines_table(header, rows, [64 * mm, 22 * mm, 34 * mm, 16 * mm, 34 * mm], styles)


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
    total = _("Total credited") if invoice.is_credit_note else _("Total to pay")
    rows.append([total, format_money(invoice.total_incl_tax, currency)])
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
    if invoice.is_credit_note:
        if invoice.status == Invoice.Status.OPEN:
            return _("To be repaid to the buyer by %(date)s") % {"date": l10n.date_short(invoice.due_on)}
        return ""
    if invoice.status == Invoice.Status.PAID and invoice.paid_on:
        return _("PAID on %(date)s") % {"date": l10n.date_short(invoice.paid_on)}
    if invoice.status == Invoice.Status.VOID:
        credit_note = invoice.credit_notes.first()
        return _("CANCELLED by credit note %(number)s: this invoice asks for no payment") % {
            "number": credit_note.number if credit_note else "—"
        }
    return ""


def _pays_by_transfer(invoice) -> bool:
    """Whether the buyer still pays this invoice by transfer to the supplier's account."""
    return (
        not invoice.is_credit_note
        and not invoice.paid_by_card
        and bool(invoice.seller.get("iban"))
        and invoice.status == Invoice.Status.OPEN
    )


def _payment_terms(invoice) -> str:
    if invoice.is_credit_note:
        if invoice.paid_by_card:
            return _("Refunded to the card that paid the purchase.")
        if invoice.status == Invoice.Status.OPEN:
            return _("%(supplier)s pays the amount back to the buyer by bank transfer.") % {
                "supplier": invoice.seller["name"]
            }
        return _("Nothing is to be paid: the cancelled invoice had not been paid.")
    if invoice.paid_by_card:
        return _("Paid by card when the purchase was placed.")
    seller = invoice.seller
    if seller.get("iban"):
        return _(
            "Pay by bank transfer within %(days)s days to %(name)s, IBAN %(iban)s%(bic)s, with the payment "
            "reference %(reference)s (or scan the QR code with your bank app)."
        ) % {
            "days": invoice.payment_days,
            "name": seller["name"],
            "iban": bank.iban_display(seller["iban"]),
            "bic": f" (BIC {seller['bic']})" if seller.get("bic") else "",
            "reference": iso11649.format(payment_reference(invoice)),
        }
    return _("Pay by bank transfer within %(days)s days, quoting the invoice number %(number)s.") % {
        "days": invoice.payment_days,
        "number": invoice.number,
    }


def document_title(invoice: Invoice) -> str:
    if invoice.is_credit_note:
        return _("Credit note %(number)s") % {"number": invoice.number}
    return _("Invoice %(number)s") % {"number": invoice.number}


def invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice as a PDF document (A4)."""
    styles = pdf.styles()
    invoice = Invoice.objects.select_related("corrects").get(pk=invoice.pk)
    currency = invoice.currency
    lines = invoice_lines(invoice)
    title = document_title(invoice)
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
            % {"supplier": invoice.seller["name"]},
            styles["small"],
        ),
    ]
    return pdf.document(story, title=title, author=invoice.seller["name"])
