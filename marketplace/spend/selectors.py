"""Reads of declared spend: the imports of a buyer with their counts, one import's rows
grouped by supplier name for review, and the matched spend of a period for the impact
report."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from marketplace.organisations.models import Buyer, Supplier

from .models import MatchStatus, SpendImport, SpendLine, SupplierInvitation

ZERO = Decimal("0.00")


def matchable_suppliers():
    """The suppliers rows are matched to: those a buyer finds on the platform."""
    return Supplier.objects.verified()


def buyer_imports(*, buyer: Buyer):
    """The buyer's imports, newest first, with their rows counted by match."""
    return (
        SpendImport.objects.filter(buyer=buyer)
        .select_related("uploaded_by")
        .annotate(
            matched=Count("lines", filter=Q(lines__status=MatchStatus.MATCHED)),
            to_review=Count("lines", filter=Q(lines__status=MatchStatus.REVIEW)),
            unmatched=Count("lines", filter=Q(lines__status=MatchStatus.UNMATCHED)),
        )
    )


@dataclass
class NameGroup:
    """The rows of one supplier name in an import."""

    name_key: str
    supplier_name: str  # as the first row spells it
    vat_id: str
    status: str
    lines: list = field(default_factory=list)
    total: Decimal = ZERO
    supplier: Supplier | None = None
    candidate: Supplier | None = None
    score: int | None = None
    invitation: SupplierInvitation | None = None


def import_groups(*, spend: SpendImport) -> dict[str, list[NameGroup]]:
    """Status -> the import's rows grouped by supplier name (and status), by name."""
    groups: dict[tuple, NameGroup] = {}
    for line in spend.lines.select_related("supplier", "candidate").order_by("name_key", "line"):
        key = (line.status, line.name_key)
        group = groups.get(key)
        if group is None:
            group = groups[key] = NameGroup(
                name_key=line.name_key, supplier_name=line.supplier_name, vat_id=line.vat_id, status=line.status,
                supplier=line.supplier, candidate=line.candidate, score=line.score,
            )  # fmt: skip
        group.lines.append(line)
        group.total += line.amount
    invitations = {
        invitation.name_key: invitation
        for invitation in SupplierInvitation.objects.filter(
            buyer_id=spend.buyer_id, name_key__in={key for _status, key in groups}
        )
    }
    by_status = {status: [] for status in MatchStatus.values}
    for (status, key), group in sorted(groups.items(), key=lambda item: item[1].supplier_name.casefold()):
        group.invitation = invitations.get(key)
        by_status[status].append(group)
    return by_status


@dataclass
class DeclaredRow:
    label: str
    country: str
    lines: int
    spend: Decimal
    share: Decimal


@dataclass
class DeclaredSpend:
    """Matched spend a buyer declared for a period: not verified by the platform."""

    total: Decimal = ZERO
    lines: int = 0
    supplier_count: int = 0
    by_supplier: list[DeclaredRow] = field(default_factory=list)


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    if not whole:
        return Decimal("0.0")
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def declared_spend(*, buyer: Buyer, start: date, end: date) -> DeclaredSpend:
    result = DeclaredSpend()
    spend, lines = defaultdict(lambda: ZERO), defaultdict(int)
    rows = SpendLine.objects.filter(
        buyer=buyer, status=MatchStatus.MATCHED, supplier__isnull=False, spent_on__gte=start, spent_on__lte=end
    ).values_list("supplier_id", "amount")
    for supplier_id, amount in rows:
        spend[supplier_id] += amount
        lines[supplier_id] += 1
        result.total += amount
        result.lines += 1
    result.supplier_count = len(spend)
    for supplier in Supplier.objects.filter(pk__in=spend).only("name", "country"):
        net = spend[supplier.pk]
        result.by_supplier.append(
            DeclaredRow(supplier.name, supplier.country.code, lines[supplier.pk], net, _percent(net, result.total))
        )
    result.by_supplier.sort(key=lambda row: (-row.spend, row.label))
    return result
