"""A network's figures for its coordinators and partners, over a period they choose.

How each figure is counted (the page and the downloads say it too, see `method_lines`):
- members: suppliers that are members today, counted from the day they joined (members
  with no joining date count from the start); members who left are not kept, so past
  months show today's members only;
- spend with members: the net amount (excl. VAT) of every order part of a member placed in
  the period, after it joined, and not declined, cancelled, left unpaid or cancelled by a
  credit note; awarded quotes are such parts too. A member working in several sectors
  counts fully in each;
- jobs supported: for each member that declared its workforce, spend with it ÷ the cost of
  its full-time jobs over the period (IMPACT_SPEND_PER_HOUR × IMPACT_HOURS_PER_JOB_YEAR ×
  the period in years) × its share of employees from vulnerable groups, never more than
  the vulnerable employees it declared; summed;
- needs in the area: needs published in the period for delivery in the network's countries;
- answers: invitations to quote sent to members in the period, and the median time from
  the invitation (its notification) to the member's quote or refusal."""

import calendar
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from marketplace.impact.selectors import NOT_SPENT, ZERO, Row, percent, spend_rows
from marketplace.order.models import Order
from marketplace.organisations.models import BuyerSize, Network, NetworkMembership, Sector, Supplier
from marketplace.payments.models import Invoice
from marketplace.sourcing.models import Award, Invitation, Need, Quote

ANSWERED = (Invitation.Status.QUOTED, Invitation.Status.DECLINED)
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def months(self) -> list[date]:
        """The first day of each month the period touches."""
        months, month = [], self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months

    @property
    def years(self) -> Decimal:
        return Decimal((self.end - self.start).days + 1) / 365


def last_twelve_months(today: date) -> Period:
    """This month and the eleven before it, up to today."""
    month = today.month - 11
    start = date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return Period(start, today)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


# The two sources that other work replaces: charter signatures become records of their own
# and verification rests on evidence; every figure asks these two functions only.


def charter_signatures(network: Network) -> list[date]:
    """The day each member signed the network's charter."""
    return list(
        NetworkMembership.objects.filter(network=network, charter_signed_on__isnull=False).values_list(
            "charter_signed_on", flat=True
        )
    )


def verified_member_ids(network: Network) -> set[int]:
    return set(
        NetworkMembership.objects.filter(network=network, supplier__verified=True).values_list("supplier_id", flat=True)
    )


@dataclass
class MonthRow:
    month: date
    members: int  # at the end of the month (today for the current month)
    joined: int
    charter_signatures: int


@dataclass
class MemberRow(Row):
    country: str = ""
    parts: int = 0
    employees: int | None = None
    employees_vulnerable: int | None = None
    jobs: Decimal | None = None


@dataclass
class NeedFigures:
    published: int = 0
    member_invited: int = 0  # of which at least one member was invited to
    member_quoted: int = 0  # of which at least one member quoted
    awarded_to_member: int = 0
    by_sector: list = field(default_factory=list)  # (sector, needs)


@dataclass
class AnswerFigures:
    invitations: int = 0
    answered: int = 0
    answer_rate: Decimal = Decimal("0.0")  # percent
    median: timedelta | None = None

    @property
    def median_days(self) -> Decimal | None:
        if self.median is None:
            return None
        return (Decimal(self.median.total_seconds()) / 86400).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass
class NetworkFigures:
    network: Network
    period: Period
    spend_per_hour: Decimal
    hours_per_job_year: Decimal
    members: int = 0
    verified: int = 0
    verified_share: Decimal = Decimal("0.0")
    charter_signatories: int = 0
    months: list = field(default_factory=list)
    total_spend: Decimal = ZERO
    awarded_spend: Decimal = ZERO  # of which through awarded quotes
    parts: int = 0
    buyers: int = 0
    jobs_supported: Decimal = Decimal("0.0")
    by_sector: list = field(default_factory=list)
    by_supplier_country: list = field(default_factory=list)
    by_buyer_country: list = field(default_factory=list)
    by_buyer_size: list = field(default_factory=list)
    by_member: list = field(default_factory=list)
    needs: NeedFigures = field(default_factory=NeedFigures)
    answers: AnswerFigures = field(default_factory=AnswerFigures)

    @property
    def breakdowns(self):
        """(key, title, rows) of the spend breakdowns, in the order the page, charts and exports show them."""
        return [
            ("sector", _("Spend by sector"), self.by_sector),
            ("supplier_country", _("Spend by country of the member"), self.by_supplier_country),
            ("buyer_country", _("Spend by country of the buyer"), self.by_buyer_country),
            ("buyer_size", _("Spend by size of the buyer"), self.by_buyer_size),
        ]


def _top_sector_names(links: list[tuple[int, int]]) -> dict[int, set[str]]:
    """(owner id, sector id) links → each owner's top-level sectors, in the active language."""
    sectors = Sector.objects.filter(pk__in={sector_id for _owner, sector_id in links}).select_related("parent")
    top = {sector.pk: (sector.parent or sector).name for sector in sectors}
    names = defaultdict(set)
    for owner_id, sector_id in links:
        names[owner_id].add(top[sector_id])
    return names


def member_spend_parts(*, joined: dict[int, date | None], period: Period) -> list[dict]:
    """The order parts that count as spend with members (`joined`: member id → joining date)."""
    parts = (
        Order.objects.filter(
            supplier_id__in=joined, date_placed__date__gte=period.start, date_placed__date__lte=period.end
        )
        .exclude(status__in=NOT_SPENT)
        .exclude(invoices__kind=Invoice.Kind.CREDIT_NOTE)
        .values(
            "supplier_id",
            "total_excl_tax",
            "date_placed",
            "purchase__award",
            "purchase__buyer_id",
            "purchase__buyer__country",
            "purchase__buyer__size",
        )
    )
    return [
        part
        for part in parts
        if joined[part["supplier_id"]] is None or timezone.localdate(part["date_placed"]) >= joined[part["supplier_id"]]
    ]


def jobs_supported(*, spend: Decimal, employees: int | None, vulnerable: int | None, figures: NetworkFigures):
    """Full-time jobs of people from vulnerable groups that `spend` paid for over the period,
    or None for a member that did not declare its workforce."""
    if not employees or vulnerable is None:
        return None
    job_cost = figures.spend_per_hour * figures.hours_per_job_year * figures.period.years
    return min(Decimal(vulnerable), spend / job_cost * vulnerable / employees)


def _membership_figures(figures: NetworkFigures, memberships: list) -> None:
    network, period = figures.network, figures.period
    figures.members = len(memberships)
    figures.verified = len(verified_member_ids(network))
    figures.verified_share = percent(figures.verified, figures.members)
    signed = charter_signatures(network)
    figures.charter_signatories = len(signed)
    signatures = Counter(day.replace(day=1) for day in signed if period.start <= day <= period.end)
    joined_days = [m.joined_on for m in memberships]
    for month in period.months:
        last = min(month_end(month), period.end)
        figures.months.append(
            MonthRow(
                month=month,
                members=sum(1 for day in joined_days if day is None or day <= last),
                joined=sum(1 for day in joined_days if day and month <= day <= last and day >= period.start),
                charter_signatures=signatures[month],
            )
        )


def _spend_figures(figures: NetworkFigures, memberships: list) -> None:
    joined = {m.supplier_id: m.joined_on for m in memberships}
    spend, parts = defaultdict(lambda: ZERO), Counter()
    by = {key: defaultdict(lambda: ZERO) for key, _title, _rows in figures.breakdowns}
    buyers = set()
    for part in member_spend_parts(joined=joined, period=figures.period):
        supplier_id, net = part["supplier_id"], part["total_excl_tax"]
        spend[supplier_id] += net
        parts[supplier_id] += 1
        figures.total_spend += net
        if part["purchase__award"] is not None:
            figures.awarded_spend += net
        buyers.add(part["purchase__buyer_id"])
        by["buyer_country"][countries.name(part["purchase__buyer__country"])] += net
        size = part["purchase__buyer__size"]
        by["buyer_size"][str(BuyerSize(size).label) if size else _("Size not given")] += net
    figures.parts, figures.buyers = sum(parts.values()), len(buyers)
    links = Supplier.sectors.through.objects.filter(supplier_id__in=spend).values_list("supplier_id", "sector_id")
    sectors = _top_sector_names(list(links))
    jobs = Decimal(0)
    for membership in memberships:
        supplier, net = membership.supplier, spend[membership.supplier_id]
        if not net:
            continue
        for sector in sectors[supplier.pk]:
            by["sector"][sector] += net
        by["supplier_country"][supplier.country.name] += net
        row = MemberRow(
            label=supplier.name,
            spend=net,
            share=percent(net, figures.total_spend),
            country=supplier.country.code,
            parts=parts[supplier.pk],
            employees=supplier.employees,
            employees_vulnerable=supplier.employees_vulnerable,
        )
        supported = jobs_supported(
            spend=net, employees=supplier.employees, vulnerable=supplier.employees_vulnerable, figures=figures
        )
        if supported is not None:
            row.jobs = supported.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            jobs += supported
        figures.by_member.append(row)
    figures.by_member.sort(key=lambda row: (-row.spend, row.label))
    figures.jobs_supported = jobs.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
    for key, rows in by.items():
        setattr(figures, f"by_{key}", spend_rows(rows, figures.total_spend))


def needs_in_area(*, network: Network, period: Period, member_ids) -> NeedFigures:
    needs = Need.objects.filter(
        country__in=[country.code for country in network.countries],
        published_at__date__gte=period.start,
        published_at__date__lte=period.end,
    )
    need_ids = list(needs.values_list("pk", flat=True))
    result = NeedFigures(published=len(need_ids))
    if not need_ids:
        return result
    invited = Invitation.objects.filter(need_id__in=need_ids, supplier_id__in=member_ids)
    result.member_invited = invited.values("need_id").distinct().count()
    quoted = Quote.objects.filter(need_id__in=need_ids, supplier_id__in=member_ids)
    result.member_quoted = quoted.exclude(status=Quote.Status.WITHDRAWN).values("need_id").distinct().count()
    result.awarded_to_member = Award.objects.filter(need_id__in=need_ids, quote__supplier_id__in=member_ids).count()
    by_sector = Counter()
    links = Need.sectors.through.objects.filter(need_id__in=need_ids).values_list("need_id", "sector_id")
    for names in _top_sector_names(list(links)).values():
        by_sector.update(names)
    result.by_sector = sorted(by_sector.items(), key=lambda item: (-item[1], item[0]))
    return result


def member_answers(*, period: Period, member_ids) -> AnswerFigures:
    invitations = Invitation.objects.filter(
        supplier_id__in=member_ids, created_at__date__gte=period.start, created_at__date__lte=period.end
    ).values_list("status", "notified_at", "created_at", "responded_at")
    result, durations = AnswerFigures(), []
    for status, notified_at, created_at, responded_at in invitations:
        result.invitations += 1
        if status in ANSWERED and responded_at is not None:
            durations.append(responded_at - (notified_at or created_at))
    result.answered = len(durations)
    result.answer_rate = percent(result.answered, result.invitations)
    if durations:
        result.median = statistics.median(durations)
    return result


def network_figures(*, network: Network, period: Period) -> NetworkFigures:
    figures = NetworkFigures(
        network=network,
        period=period,
        spend_per_hour=settings.IMPACT_SPEND_PER_HOUR,
        hours_per_job_year=settings.IMPACT_HOURS_PER_JOB_YEAR,
    )
    memberships = list(
        NetworkMembership.objects.filter(network=network).select_related("supplier").order_by("supplier__name")
    )
    _membership_figures(figures, memberships)
    _spend_figures(figures, memberships)
    member_ids = [m.supplier_id for m in memberships]
    figures.needs = needs_in_area(network=network, period=period, member_ids=member_ids)
    figures.answers = member_answers(period=period, member_ids=member_ids)
    return figures
