"""The impact report as tables (CSV, XLSX) and as a PDF: the same figures as the page."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from marketplace.core import l10n
from marketplace.core.pdf import FONT, FONT_BOLD, register_fonts
from marketplace.sourcing.exports import Table, download

from .selectors import ImpactReport


def summary(report: ImpactReport) -> list[tuple[str, object]]:
    """The headline figures, as the page shows them."""
    return [
        (_("Spend with social enterprises (EUR excl. VAT)"), report.total_spend),
        (_("of which through awarded quotes (EUR)"), report.awarded_spend),
        (_("Order parts"), report.orders),
        (_("Suppliers"), report.supplier_count),
        (_("Local spend (EUR)"), report.local_spend),
        (_("Share of local spend (%)"), report.local_share),
        (_("Spend with suppliers that declared their workforce (EUR)"), report.workforce_spend),
        (_("Workforce from vulnerable groups, weighted by spend (%)"), report.vulnerable_share),
        (_("Estimated hours of work for people from vulnerable groups"), report.estimated_hours),
        (_("Spend that buys one hour of work (EUR, for the estimate)"), report.spend_per_hour),
        (_("Declared spend, not verified by the platform (EUR excl. VAT)"), report.declared.total),
        (_("Declared spend: rows"), report.declared.lines),
        (_("Declared spend: suppliers"), report.declared.supplier_count),
        (_("Platform and declared spend (EUR excl. VAT)"), report.spend_with_declared),
    ]


def breakdown_tables(breakdowns) -> list[Table]:
    """A table of each (key, title, rows) spend breakdown: name, spend, share."""
    return [
        Table(
            title=title,
            header=[_("Name"), _("Spend (EUR)"), _("Share (%)")],
            rows=[[row.label, row.spend, row.share] for row in rows],
        )
        for _key, title, rows in breakdowns
    ]


def tables(report: ImpactReport) -> list[Table]:
    period = f"{l10n.date_short(report.start)} – {l10n.date_short(report.end)}"
    result = [Table(title=_("Summary"), header=[report.buyer.name, period], rows=[list(r) for r in summary(report)])]
    result += breakdown_tables(report.breakdowns)
    result.append(
        Table(
            title=_("Spend by supplier"),
            header=[
                _("Supplier"),
                _("Country"),
                _("Order parts"),
                _("Spend (EUR)"),
                _("Share (%)"),
                _("Employees"),
                _("Of whom from vulnerable groups"),
                _("Vulnerable share (%)"),
                _("Estimated hours"),
            ],  # fmt: skip
            rows=[
                [
                    row.label,
                    row.country,
                    row.orders,
                    row.spend,
                    row.share,
                    row.employees,
                    row.employees_vulnerable,
                    row.vulnerable_share,
                    row.estimated_hours,
                ]  # fmt: skip
                for row in report.by_supplier
            ],
        )
    )
    result.append(
        Table(
            title=_("Declared spend by supplier"),
            header=[_("Supplier"), _("Country"), _("Rows"), _("Declared spend (EUR)"), _("Share (%)")],
            rows=[[row.label, row.country, row.lines, row.spend, row.share] for row in report.declared.by_supplier],
        )
    )
    return result


def filename(report: ImpactReport) -> str:
    return f"impact-{slugify(report.buyer.name)}-{report.start.isoformat()}-{report.end.isoformat()}"


def report_download(report: ImpactReport, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        response = HttpResponse(report_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename(report)}.pdf"'
        return response
    return download(tables(report), filename=filename(report), fmt=fmt)


def _cell(value) -> str:
    return "" if value is None else str(value)


def report_pdf(report: ImpactReport) -> bytes:
    register_fonts()  # reportlab's own TrueType fonts: every European letter prints
    base = ParagraphStyle("base", fontName=FONT, fontSize=8, leading=10)
    heading = ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18)
    subheading = ParagraphStyle("subheading", parent=base, fontName=FONT_BOLD, fontSize=10, leading=14)
    story = [
        Paragraph(escape(_("Social impact of %(buyer)s's spend") % {"buyer": report.buyer.name}), heading),
        Paragraph(escape(f"{l10n.date_short(report.start)} – {l10n.date_short(report.end)}"), base),
        Spacer(1, 4 * mm),
    ]
    for table in tables(report):
        story.append(Paragraph(escape(table.title), subheading))
        data = [[Paragraph(escape(_cell(c)), base) for c in table.header]]
        data += [[Paragraph(escape(_cell(c)), base) for c in row] for row in table.rows]
        pdf_table = PdfTable(data, repeatRows=1)
        pdf_table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [pdf_table, Spacer(1, 4 * mm)]
    story.append(Paragraph(escape(method_text() % {"per_hour": report.spend_per_hour}), base))
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, title=filename(report)).build(story)
    return out.getvalue()


def method_text() -> str:
    return _(
        "Method. Spend is the net amount (excl. VAT) of every order part placed in the period and not rejected, "
        "cancelled or left unpaid, awarded quotes included. Estimated hours of work for people from vulnerable "
        "groups = for each supplier, spend ÷ %(per_hour)s EUR (the cost of one hour of work, overheads included) × "
        "the supplier's declared share of employees from vulnerable groups, summed. Suppliers that did not declare "
        "their workforce are left out of the hours and of the weighted share. A supplier working in several "
        "sectors or impact areas counts fully in each. Declared spend comes from the files your organisation "
        "imported from its own records, for rows matched to suppliers of the platform; the platform has not "
        "verified it, and it is counted apart from the figures above."
    )
