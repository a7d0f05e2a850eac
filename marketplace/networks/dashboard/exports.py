"""The network dashboard as tables (CSV, XLSX: numbers as numbers) and as a PDF (numbers,
dates and money as the reader's language writes them): the same figures as the page."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from marketplace.core import l10n, pdf
from marketplace.impact.exports import breakdown_tables
from marketplace.sourcing.exports import Table, download

from .selectors import NetworkFigures


def method_paragraphs(figures: NetworkFigures) -> list[str]:
    """How the figures are counted, and what they cannot tell, in plain words."""
    job_cost = figures.spend_per_hour * figures.hours_per_job_year
    return [
        _(
            "Members are the network's members today, counted from the day they joined; members who left are not "
            "kept, so earlier months show today's members only. Verified members are those the platform verified."
        ),
        _(
            "Spend is the net amount (excl. VAT) of every order part of a member placed in the period after it "
            "joined, and not declined, cancelled or left unpaid. A part whose invoice was cancelled by a credit "
            "note does not count. Awarded quotes count through the order part they create. A member working in "
            "several sectors counts fully in each, so the sector rows add up to more than the total."
        ),
        _(
            "Jobs supported = for each member that declared its workforce: spend with the member ÷ the cost of one "
            "full-time job over the period (%(per_hour)s EUR an hour × %(hours)s hours a year = %(job_cost)s EUR a "
            "year) × the member's share of employees from vulnerable groups, at most its declared number of "
            "vulnerable employees; summed. It is an estimate: the workforce is what members declare today, the "
            "cost of a job is an average, and spend outside the platform is not seen."
        )
        % {
            "per_hour": formats.localize(figures.spend_per_hour),
            "hours": formats.localize(figures.hours_per_job_year),
            "job_cost": formats.localize(job_cost),
        },
        _(
            "Needs in the area are needs published in the period for delivery in the network's countries. Answer "
            "times run from the invitation to quote to the member's quote or refusal, for invitations sent to "
            "members in the period; invitations not answered yet are left out of the median."
        ),
    ]


def summary(figures: NetworkFigures) -> list[tuple[str, object]]:
    """The headline figures, as the page shows them."""
    needs, answers = figures.needs, figures.answers
    return [
        (_("Members"), figures.members),
        (_("Verified members"), figures.verified),
        (_("Share of verified members (%)"), figures.verified_share),
        (_("Members who signed the charter"), figures.charter_signatories),
        (_("Spend with members (EUR excl. VAT)"), figures.total_spend),
        (_("of which through awarded quotes (EUR)"), figures.awarded_spend),
        (_("Order parts"), figures.parts),
        (_("Buyers"), figures.buyers),
        (_("Jobs supported (full-time, people from vulnerable groups)"), figures.jobs_supported),
        (_("Needs published in the network's area"), needs.published),
        (_("of which a member was invited to"), needs.member_invited),
        (_("of which a member quoted for"), needs.member_quoted),
        (_("of which awarded to a member"), needs.awarded_to_member),
        (_("Invitations to quote sent to members"), answers.invitations),
        (_("Invitations answered (quote or refusal)"), answers.answered),
        (_("Share answered (%)"), answers.answer_rate),
        (_("Median answer time (days)"), answers.median_days),
    ]


def month_label(month: date) -> str:
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def tables(figures: NetworkFigures) -> list[Table]:
    period = f"{l10n.date_short(figures.period.start)} – {l10n.date_short(figures.period.end)}"
    result = [
        Table(title=_("Summary"), header=[figures.network.name, period], rows=[list(r) for r in summary(figures)]),
        Table(
            title=_("Members by month"),
            header=[_("Month"), _("Members"), _("Joined"), _("Charter signatures")],
            rows=[[month_label(m.month), m.members, m.joined, m.charter_signatures] for m in figures.months],
        ),
    ]
    result += breakdown_tables(figures.breakdowns)
    result += [
        Table(
            title=_("Spend by member"),
            header=[
                _("Member"),
                _("Country"),
                _("Order parts"),
                _("Spend (EUR)"),
                _("Share (%)"),
                _("Employees"),
                _("Of whom from vulnerable groups"),
                _("Jobs supported"),
            ],  # fmt: skip
            rows=[
                [r.label, r.country, r.parts, r.spend, r.share, r.employees, r.employees_vulnerable, r.jobs]
                for r in figures.by_member
            ],
        ),
        Table(
            title=_("Needs by sector"),
            header=[_("Sector"), _("Needs")],
            rows=[list(row) for row in figures.needs.by_sector],
        ),
        Table(
            title=_("Method"),
            header=[_("How these figures are counted")],
            rows=[[p] for p in method_paragraphs(figures)],
        ),
    ]
    return result


def filename(figures: NetworkFigures) -> str:
    period = figures.period
    return f"network-{slugify(figures.network.name)}-{period.start.isoformat()}-{period.end.isoformat()}"


def _pdf_cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal | int | date):
        return formats.localize(value)
    return str(value)


def figures_pdf(figures: NetworkFigures) -> bytes:
    style = pdf.styles()
    period = f"{l10n.date_short(figures.period.start)} – {l10n.date_short(figures.period.end)}"
    story = [
        pdf.text(_("Figures of %(network)s") % {"network": figures.network.name}, style["heading"]),
        pdf.text(period, style["small"]),
    ]
    *data_tables, method = tables(figures)
    for table in data_tables:
        columns = len(table.header)
        widths = [pdf.WIDTH * 0.4] + [pdf.WIDTH * 0.6 / (columns - 1)] * (columns - 1)
        rows = [[pdf.text(_pdf_cell(cell), style["base"]) for cell in row] for row in table.rows]
        story += [Spacer(1, 5 * mm), pdf.text(table.title, style["label"])]
        story.append(pdf.lines_table(table.header, rows, widths, style))
    story += [Spacer(1, 5 * mm), pdf.text(method.header[0], style["label"])] + [
        pdf.text(row[0], style["small"]) for row in method.rows
    ]
    return pdf.document(story, title=filename(figures), author=figures.network.name)


def figures_download(figures: NetworkFigures, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        return pdf.download(figures_pdf(figures), f"{filename(figures)}.pdf")
    return download(tables(figures), filename=filename(figures), fmt=fmt)
