"""A buyer organisation's social-impact report, computed from its real orders: every
supplier part placed in the period and not rejected, cancelled or left unpaid (an
awarded quote is such a part too). Spend is net of VAT, in EUR.

The figures, and how they are counted (shown on the page as well):
- spend by sector and by impact area: a supplier working in several sectors (or
  declaring several impact areas) counts fully in each, so those rows add up to more
  than the total; by country, region, legal form and supplier they add up to it;
- local spend: spend with suppliers based in the country of delivery of the order;
- workforce weighted by spend: each supplier's share of employees from vulnerable
  groups, weighted by what was spent with it, over the suppliers that declared their
  workforce;
- estimated hours of work for people from vulnerable groups: for each supplier, net
  spend ÷ IMPACT_SPEND_PER_HOUR (what an hour of work costs, overheads included) ×
  its share of employees from vulnerable groups; summed, rounded to the hour.

Spend the buyer declared from its own records (marketplace.spend), matched to suppliers
of the platform, is reported beside these figures with its own totals, marked as
declared: the platform has not verified it, so it enters none of the figures above."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from marketplace.order.models import Order, PartStatus
from marketplace.organisations.models import Buyer, Sector, Supplier
from marketplace.spend.selectors import DeclaredSpend, declared_spend

ZERO = Decimal("0.00")
# Parts that never became a real purchase.
NOT_SPENT = (PartStatus.REJECTED, PartStatus.CANCELLED, PartStatus.AWAITING_PAYMENT)


@dataclass
class Row:
    label: str
    spend: Decimal
    share: Decimal  # percent of the total spend, one decimal


@dataclass
class SupplierRow(Row):
    orders: int = 0
    country: str = ""
    employees: int | None = None
    employees_vulnerable: int | None = None
    vulnerable_share: Decimal | None = None  # percent, one decimal
    estimated_hours: int | None = None


@dataclass
class ImpactReport:
    buyer: Buyer
    start: date
    end: date
    spend_per_hour: Decimal
    total_spend: Decimal = ZERO
    awarded_spend: Decimal = ZERO  # of which through awarded quotes
    orders: int = 0
    supplier_count: int = 0
    local_spend: Decimal = ZERO
    local_share: Decimal = Decimal("0.0")
    workforce_spend: Decimal = ZERO  # spent with suppliers that declared their workforce
    vulnerable_share: Decimal | None = None  # weighted by spend, percent
    estimated_hours: int = 0
    by_sector: list = field(default_factory=list)
    by_impact: list = field(default_factory=list)
    by_country: list = field(default_factory=list)
    by_region: list = field(default_factory=list)
    by_legal_form: list = field(default_factory=list)
    by_supplier: list = field(default_factory=list)
    declared: DeclaredSpend = field(default_factory=DeclaredSpend)  # not verified by the platform

    @property
    def spend_with_declared(self) -> Decimal:
        return self.total_spend + self.declared.total

    @property
    def breakdowns(self):
        """(key, title, rows) of every breakdown, in the order the page, charts and exports show them."""
        return [
            ("sector", _("Spend by sector"), self.by_sector),
            ("impact", _("Spend by impact area"), self.by_impact),
            ("country", _("Spend by country"), self.by_country),
            ("region", _("Spend by region"), self.by_region),
            ("legal_form", _("Spend by legal form"), self.by_legal_form),
        ]


def percent(part: Decimal, whole: Decimal) -> Decimal:
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def spend_rows(spend_by_label: dict, total: Decimal) -> list[Row]:
    rows = [Row(label=label, spend=spend, share=percent(spend, total)) for label, spend in spend_by_label.items()]
    return sorted(rows, key=lambda row: (-row.spend, row.label))


def report_parts(*, buyer: Buyer, start: date, end: date):
    return (
        Order.objects.filter(
            purchase__buyer=buyer,
            supplier__isnull=False,
            date_placed__date__gte=start,
            date_placed__date__lte=end,
        )
        .exclude(status__in=NOT_SPENT)
        .values("supplier_id", "supplier__country", "total_excl_tax", "purchase__delivery_country", "purchase__award")
    )


def impact_report(*, buyer: Buyer, start: date, end: date) -> ImpactReport:
    report = ImpactReport(buyer=buyer, start=start, end=end, spend_per_hour=settings.IMPACT_SPEND_PER_HOUR)
    spend, orders = defaultdict(lambda: ZERO), defaultdict(int)
    for part in report_parts(buyer=buyer, start=start, end=end):
        supplier_id, net = part["supplier_id"], part["total_excl_tax"]
        spend[supplier_id] += net
        orders[supplier_id] += 1
        report.total_spend += net
        report.orders += 1
        if part["purchase__award"] is not None:
            report.awarded_spend += net
        if part["supplier__country"] == part["purchase__delivery_country"]:
            report.local_spend += net
    suppliers = (
        Supplier.objects.filter(pk__in=spend)
        .select_related("region")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.select_related("parent")), "impact_areas")
        .order_by("name")
    )
    total = report.total_spend
    report.supplier_count = len(spend)
    report.local_share = percent(report.local_spend, total)
    by = {key: defaultdict(lambda: ZERO) for key in ("sector", "impact", "country", "region", "legal_form")}
    weighted_shares = ZERO
    hours = Decimal(0)
    for supplier in suppliers:
        net = spend[supplier.pk]
        for sector in {s.parent.name if s.parent_id else s.name for s in supplier.sectors.all()}:
            by["sector"][sector] += net
        for area in {a.name for a in supplier.impact_areas.all()}:
            by["impact"][area] += net
        by["country"][supplier.country.name] += net
        by["region"][supplier.region.name if supplier.region_id else _("No region given")] += net
        by["legal_form"][supplier.get_legal_form_display()] += net
        row = SupplierRow(
            label=supplier.name,
            spend=net,
            share=percent(net, total),
            orders=orders[supplier.pk],
            country=supplier.country.code,
            employees=supplier.employees,
            employees_vulnerable=supplier.employees_vulnerable,
        )
        if supplier.employees and supplier.employees_vulnerable is not None:
            share = Decimal(supplier.employees_vulnerable) / supplier.employees
            row.vulnerable_share = (share * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            supplier_hours = net / report.spend_per_hour * share
            row.estimated_hours = int(supplier_hours.quantize(Decimal(1), rounding=ROUND_HALF_UP))
            hours += supplier_hours
            weighted_shares += net * share
            report.workforce_spend += net
        report.by_supplier.append(row)
    report.by_supplier.sort(key=lambda row: (-row.spend, row.label))
    for key, rows in by.items():
        setattr(report, f"by_{key}", spend_rows(rows, total))
    report.estimated_hours = int(hours.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if report.workforce_spend:
        report.vulnerable_share = percent(weighted_shares, report.workforce_spend)
    report.declared = declared_spend(buyer=buyer, start=start, end=end)
    return report
