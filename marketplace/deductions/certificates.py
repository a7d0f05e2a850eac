"""The yearly deduction certificate of one supplier for one buyer, as a signed PDF in the
buyer's language: issued by the platform on behalf of the supplier, it lists the
invoices, their labour bases and deductible amounts, the total, the legal reference, the
supplier's status and registry reference (drawn with marketplace.core.pdf, as invoices)."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from marketplace.core import l10n, pdf
from marketplace.core.pdf import text

from . import signing
from .selectors import SupplierDeduction


def certificate_filename(deductions, row: SupplierDeduction) -> str:
    return f"deduction-{deductions.year}-{row.supplier.slug}.pdf"


def _percent(value) -> str:
    return f"{format(value.normalize(), 'f')} %"


def _invoice_rows(row: SupplierDeduction, currency: str, styles) -> list:
    rows = []
    for item in row.invoices:
        invoice = item.invoice
        shares = sorted({_percent(line.percent) for line in item.lines if line.stated})
        share = ", ".join(shares) if shares else ""
        if item.unstated:
            share = (share + "; " if share else "") + _("not stated for %(count)s line(s)") % {"count": item.unstated}
        rows.append(
            [
                text(f"{invoice.number} ({l10n.date_short(invoice.issued_on)})", styles["base"]),
                l10n.money(item.net, currency),
                text(share, styles["base"]),
                l10n.money(item.labour_base, currency),
                l10n.money(item.deductible, currency),
            ]
        )
    return rows


def certificate_pdf(deductions, row: SupplierDeduction) -> bytes:
    """The certificate of `row` (a supplier's part of `deductions`), signed by the platform."""
    buyer, rule = deductions.buyer, deductions.rule
    with translation.override(buyer.language or None):
        styles = pdf.styles()
        currency = "EUR"
        title = str(rule.certificate_title)
        supplier, status = row.supplier, row.status
        story = [
            text(title, styles["heading"]),
            text(_("Year %(year)s") % {"year": deductions.year}, styles["stamp"]),
            Spacer(0, 4 * mm),
            pdf.parties(
                (_("Workshop (supplier)"), [*supplier.address_lines, status.get_status_display()]),
                (_("Buyer"), buyer.address_lines),
                styles,
            ),
            Spacer(0, 4 * mm),
            pdf.facts(
                [
                    (_("Legal status"), status.get_status_display()),
                    (_("Registry reference"), status.registry_reference),
                    (_("Status verified on"), l10n.date_short(timezone.localtime(status.decided_at).date())),
                    (_("Legal reference"), rule.reference),
                    (_("Levy"), str(rule.levy)),
                    (
                        _("Deduction"),
                        _("%(rate)s of %(base)s") % {"rate": _percent(rule.rate * 100), "base": rule.base},
                    ),
                    (_("Ceiling"), str(rule.ceiling)),
                ],
                styles,
            ),
            Spacer(0, 5 * mm),
            pdf.lines_table(
                [_("Invoice"), _("Net"), _("Labour share"), _("Labour base"), _("Deductible")],
                _invoice_rows(row, currency, styles),
                [44 * mm, 30 * mm, 36 * mm, 30 * mm, 30 * mm],
                styles,
            ),
            Spacer(0, 3 * mm),
            pdf.facts(
                [
                    (_("Total net"), l10n.money(row.net, currency)),
                    (_("Total labour base"), l10n.money(row.labour_base, currency)),
                    (_("Total deductible"), l10n.money(row.deductible, currency)),
                ],
                styles,
            ),
            Spacer(0, 5 * mm),
            text(str(rule.conditions), styles["base"]),
            text(
                _(
                    "Invoices cancelled by a credit note are not listed. Lines whose labour share the workshop did "
                    "not state count 0. Amounts are rounded half up to the cent on each line."
                ),
                styles["base"],
            ),
            Spacer(0, 5 * mm),
            text(
                _(
                    "Issued on %(date)s by Responsible, the social-purchasing marketplace, on behalf of %(supplier)s, "
                    "from the invoices issued through the platform and the labour shares the workshop stated. "
                    "Digitally signed by the platform."
                )
                % {"date": l10n.date_short(timezone.localdate()), "supplier": supplier.name},
                styles["small"],
            ),
        ]
        content = pdf.document(story, title=title, author="Responsible")
        reason = _("Deduction certificate %(year)s of %(supplier)s for %(buyer)s") % {
            "year": deductions.year,
            "supplier": supplier.name,
            "buyer": buyer.name,
        }
    return signing.pdf_sign(content, reason=reason)
