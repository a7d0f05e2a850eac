"""Reads of baskets and purchases, shared by the basket, checkout, account and dashboard views."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from marketplace.organisations.models import Buyer, Supplier
from marketplace.partner.strategy import supplier_of_stockrecord

from .models import Order, Purchase


@dataclass
class BasketPart:
    """The lines of a basket sold by one supplier, with their subtotals."""

    supplier: Supplier
    lines: list = field(default_factory=list)

    @property
    def total_excl_tax(self) -> Decimal:
        return sum((line.line_price_excl_tax for line in self.lines), Decimal("0.00"))

    @property
    def total_incl_tax(self) -> Decimal:
        return sum((line.line_price_incl_tax for line in self.lines), Decimal("0.00"))

    @property
    def total_tax(self) -> Decimal:
        return self.total_incl_tax - self.total_excl_tax


def basket_parts(basket) -> list[BasketPart]:
    """The basket's lines grouped by supplier, in the order the suppliers were first added.
    Lines whose stock record has no supplier are left out (they cannot be bought)."""
    parts: dict[int, BasketPart] = {}
    for line in basket.all_lines():
        supplier = supplier_of_stockrecord(line.stockrecord)
        if supplier is None:
            continue
        parts.setdefault(supplier.pk, BasketPart(supplier=supplier)).lines.append(line)
    return list(parts.values())


def basket_problems(basket) -> list[str]:
    """Why the basket cannot be checked out as it is, one message per line at fault."""
    problems = []
    for line in basket.all_lines():
        info = line.purchase_info
        permitted, reason = info.availability.is_purchase_permitted(line.quantity)
        if not permitted:
            problems.append(f"{line.product.get_title()}: {reason}")
        elif supplier_of_stockrecord(line.stockrecord) is None:
            problems.append(f"{line.product.get_title()}: {info.availability.message}")
    return problems


def buyers_of(user):
    """The buyer organisations the user belongs to (none for a visitor)."""
    if not user.is_authenticated:
        return Buyer.objects.none()
    return Buyer.objects.filter(memberships__user=user).order_by("name")


def _with_parts(purchases):
    return purchases.select_related("buyer", "placed_by").prefetch_related(
        Prefetch("parts", queryset=Order.objects.select_related("supplier", "invoice").order_by("number"))
    )


def purchases_for_buyers(buyers):
    """The purchases of the given buyer organisations, newest first, with their parts."""
    return _with_parts(Purchase.objects.filter(buyer__in=buyers))


def purchase_for_user(*, user, number: str) -> Purchase | None:
    """A purchase the user may see: staff see all; buyer members see their organisation's."""
    purchases = Purchase.objects.filter(number=number)
    if not user.is_staff:
        purchases = purchases.filter(buyer__memberships__user=user)
    return _with_parts(purchases).first()


def part_lines(part):
    return part.lines.select_related("product").order_by("pk")
