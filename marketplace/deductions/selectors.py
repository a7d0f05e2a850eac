"""What a buyer may deduct from its disability-employment levy for a calendar year,
computed from the invoices its suppliers issued (never from orders or current prices).

* The rule is the one of the buyer's country (its levy country), in force that year
  (rules.rule_for); a buyer of a country without a rule gets no rows.
* An invoice counts when it was issued that year (within the rule's dates) to the buyer
  by a supplier holding, on the day of issue, a verified and unexpired status that the
  rule lists; an invoice cancelled by a credit note does not count.
* Each line: labour base = net × labour share recorded when the invoice was issued;
  deductible = rule rate × labour base. A line without a recorded share is listed as
  "labour share not stated" and counts 0 (the law wants the amount stated by the workshop).
* Money is Decimal. Rounding: ROUND_HALF_UP to the cent at the line level, once for the
  labour base and once for the deductible amount; invoice, supplier and year totals are
  sums of the rounded line amounts (so the certificate's lines add up to its total).
* The ceiling of the rule (e.g. 50 % of the French contribution) is stated, not applied:
  the platform does not know the buyer's levy."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from oscar.core.loading import get_model

from marketplace.organisations.models import Supplier
from marketplace.payments.models import Invoice

from .models import LegalStatus
from .rules import DeductionRule, rule_for

Product = get_model("catalogue", "Product")
CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineDeduction:
    description: str
    quantity: int
    net: Decimal
    percent: Decimal | None  # None: the workshop stated no labour share
    labour_base: Decimal
    deductible: Decimal

    @property
    def stated(self) -> bool:
        return self.percent is not None


def line_deduction(line: dict, percent: Decimal | None, rate: Decimal) -> LineDeduction:
    net = Decimal(line["net"])
    if percent is None:
        base = deductible = ZERO
    else:
        base = cents(net * Decimal(percent) / 100)
        deductible = cents(base * rate)
    return LineDeduction(line.get("description", ""), line.get("quantity", 0), net, percent, base, deductible)


@dataclass
class InvoiceDeduction:
    invoice: Invoice
    lines: list[LineDeduction]

    @property
    def net(self) -> Decimal:
        return sum((line.net for line in self.lines), ZERO)

    @property
    def labour_base(self) -> Decimal:
        return sum((line.labour_base for line in self.lines), ZERO)

    @property
    def deductible(self) -> Decimal:
        return sum((line.deductible for line in self.lines), ZERO)

    @property
    def unstated(self) -> int:
        return sum(1 for line in self.lines if not line.stated)


@dataclass
class SupplierDeduction:
    supplier: Supplier
    status: LegalStatus
    invoices: list[InvoiceDeduction] = field(default_factory=list)

    @property
    def net(self) -> Decimal:
        return sum((invoice.net for invoice in self.invoices), ZERO)

    @property
    def labour_base(self) -> Decimal:
        return sum((invoice.labour_base for invoice in self.invoices), ZERO)

    @property
    def deductible(self) -> Decimal:
        return sum((invoice.deductible for invoice in self.invoices), ZERO)


@dataclass
class Deductions:
    buyer: object
    year: int
    rule: DeductionRule | None
    suppliers: list[SupplierDeduction]

    @property
    def total(self) -> Decimal:
        return sum((row.deductible for row in self.suppliers), ZERO)

    def of(self, supplier) -> SupplierDeduction | None:
        return next((row for row in self.suppliers if row.supplier.pk == supplier.pk), None)


def _status_on(statuses, rule: DeductionRule, day: datetime.date) -> LegalStatus | None:
    """The supplier's verified status that the rule lists and that had not expired on `day`."""
    for status in statuses:
        if status.status in rule.statuses and (status.valid_until is None or status.valid_until >= day):
            return status
    return None


def deductions_for(buyer, year: int, *, supplier=None) -> Deductions:
    """Per supplier, the invoices of `year` that the buyer may deduct, with their lines."""
    rule = rule_for(buyer.country, year)
    if rule is None:
        return Deductions(buyer, year, None, [])
    first, last = rule.period_in(year)
    verified = LegalStatus.objects.verified().filter(status__in=rule.statuses).order_by("status", "pk")
    invoices = (
        Invoice.objects.filter(
            kind=Invoice.Kind.INVOICE,
            order__purchase__buyer=buyer,
            issued_on__range=(first, last),
            supplier__legal_statuses__in=verified,
            credit_notes__isnull=True,
        )
        .distinct()
        .select_related("supplier")
        .prefetch_related("labour_shares", Prefetch("supplier__legal_statuses", queryset=verified, to_attr="eligible"))
        .order_by("supplier__name", "supplier_id", "issued_on", "number")
    )
    if supplier is not None:
        invoices = invoices.filter(supplier=supplier)
    rows: dict[int, SupplierDeduction] = {}
    for invoice in invoices:
        status = _status_on(invoice.supplier.eligible, rule, invoice.issued_on)
        if status is None:
            continue
        percents = {share.line_index: share.percent for share in invoice.labour_shares.all()}
        lines = [line_deduction(line, percents.get(index), rule.rate) for index, line in enumerate(invoice.lines)]
        row = rows.setdefault(invoice.supplier_id, SupplierDeduction(invoice.supplier, status))
        row.invoices.append(InvoiceDeduction(invoice, lines))
    return Deductions(buyer, year, rule, list(rows.values()))


def years_offered(today: datetime.date, back: int = 5) -> list[int]:
    return list(range(today.year, today.year - back, -1))


def supplier_products(supplier):
    """The products the supplier sells (those with a stock record of its partner), by title."""
    return (
        Product.objects.filter(stockrecords__partner_id=supplier.partner_id)
        .distinct()
        .select_related("parent")
        .order_by("title", "pk")
    )


def verified_statuses(supplier, today: datetime.date):
    """The statuses a supplier's public profile shows: verified and not expired."""
    return LegalStatus.objects.filter(supplier=supplier).in_force_on(today)
