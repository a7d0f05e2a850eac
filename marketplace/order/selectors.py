"""Reads of baskets and purchases, shared by the basket, checkout, account and dashboard views."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from catalogue.attributes import minimum_order_quantity
from marketplace.organisations.models import Buyer, Supplier
from marketplace.organisations.selectors import organisations_of
from marketplace.partner.strategy import supplier_of_stockrecord

from .models import REASON_NOTE, Order, PartStatus, Purchase

OrderNote = get_model("order", "OrderNote")


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

    @property
    def vat_treatments(self) -> list:
        return vat_treatments_of(self.lines)


def vat_treatments_of(lines) -> list:
    """How VAT applies to basket lines (partner/vat_rules.py), each treatment once: what
    the basket and the checkout say of a supplier's part."""
    return list(dict.fromkeys(line.basket.strategy.vat_treatment(line.product, line.stockrecord) for line in lines))


def _attribute(product, code):
    """A product's attribute value, a variant falling back to its parent's."""
    value = getattr(product.attr, code, None)
    if value is None and product.is_child:
        value = getattr(product.parent.attr, code, None)
    return value


@dataclass(frozen=True)
class SupplierTerms:
    """What the buyer should know of one supplier's part before checking out: it ships
    when its slowest line is ready, to the areas its products deliver to."""

    lead_time_days: int | None  # the longest lead time of its lines; None when no line gives one
    delivery_areas: list[str]


def supplier_terms(lines) -> SupplierTerms:
    products = [line.product for line in lines]
    lead_times = [days for days in (_attribute(product, "lead_time_days") for product in products) if days is not None]
    areas = []
    for product in products:
        area = (_attribute(product, "delivery_area") or "").strip()
        if area and area not in areas:
            areas.append(area)
    return SupplierTerms(lead_time_days=max(lead_times) if lead_times else None, delivery_areas=areas)


def line_minimum(line) -> int:
    """The smallest quantity of the line's product the supplier sells (1 when it set none)."""
    return minimum_order_quantity(line.product)


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
    return organisations_of(user=user, model=Buyer).order_by("name")


def _with_parts(purchases):
    return purchases.select_related("buyer", "placed_by").prefetch_related(
        Prefetch(
            "parts", queryset=Order.objects.select_related("supplier").prefetch_related("invoices").order_by("number")
        )
    )


def purchases_for_buyers(buyers):
    """The purchases of the given buyer organisations, newest first, with their parts."""
    return _with_parts(Purchase.objects.filter(buyer__in=buyers))


def purchase_for_user(*, user, number: str) -> Purchase | None:
    """A purchase the user may see: staff see all; buyer members see their organisation's."""
    purchases = Purchase.objects.filter(number=number)
    if not user.is_staff:
        purchases = purchases.filter(buyer__in=organisations_of(user=user))
    return _with_parts(purchases).first()


def purchase_part_for_user(*, user, number: str, part_number: str) -> Order | None:
    """A part of a purchase the user may see (see purchase_for_user)."""
    purchase = purchase_for_user(user=user, number=number)
    if purchase is None:
        return None
    return next((part for part in purchase.parts.all() if part.number == part_number), None)


def part_lines(part):
    return part.lines.select_related("product").order_by("pk")


def closing_reasons(parts) -> dict[int, str]:
    """The supplier's reason for each declined or cancelled part among `parts` (its latest,
    should there be several), by part id; parts without one are left out."""
    closed = [part.pk for part in parts if part.status in PartStatus.CLOSED]
    if not closed:
        return {}
    notes = OrderNote.objects.filter(order_id__in=closed, note_type=REASON_NOTE).order_by("date_created", "pk")
    return {note.order_id: note.message for note in notes}


def delivery_note_available(part) -> bool:
    """A delivery note goes with a part its supplier has confirmed, and after."""
    return part.status in PartStatus.CONFIRMED


def part_references(part) -> list[tuple[str, str]]:
    """(label, number) of what a buyer finds the part by in its own books, as its documents
    (invoice, delivery note) print them: the purchase, the order part, its purchase order."""
    purchase = part.purchase
    rows = [(_("Purchase"), purchase.number), (_("Order"), part.number)]
    if purchase.purchase_order_reference:
        rows.append((_("Your purchase order"), purchase.purchase_order_reference))
    return rows


@dataclass(frozen=True)
class PaymentState:
    """Where the payment of a part or purchase really stands: a code for styling and tests, a label for people."""

    code: str  # card statuses, or: not-invoiced, open, overdue, paid, void, cancelled
    label: str


def part_payment_state(part, purchase=None, today=None) -> PaymentState:
    """By card, the purchase's card payment; by invoice, the part's own invoice (an
    invoice purchase is not paid when it is placed: each supplier invoices its part)."""
    purchase = purchase or part.purchase
    if purchase.payment_method == Purchase.PaymentMethod.CARD:
        return PaymentState(purchase.payment_status, purchase.get_payment_status_display())
    invoice = part.invoice_or_none
    if invoice is None:
        if part.status in PartStatus.CLOSED:
            return PaymentState("cancelled", _("Nothing to pay"))
        return PaymentState("not-invoiced", _("Not invoiced yet"))
    if invoice.status == invoice.Status.PAID:
        return PaymentState("paid", _("Invoice %(number)s paid on %(date)s") % {
            "number": invoice.number, "date": formats.date_format(invoice.paid_on)})  # fmt: skip
    if invoice.status == invoice.Status.VOID:
        return PaymentState("void", _("Invoice %(number)s cancelled by a credit note") % {"number": invoice.number})
    if invoice.due_on < (today or timezone.localdate()):
        return PaymentState("overdue", _("Invoice %(number)s overdue since %(date)s") % {
            "number": invoice.number, "date": formats.date_format(invoice.due_on)})  # fmt: skip
    return PaymentState("open", _("Invoice %(number)s to pay by %(date)s") % {
        "number": invoice.number, "date": formats.date_format(invoice.due_on)})  # fmt: skip


def purchase_payment_state(purchase, today=None) -> PaymentState:
    """The purchase's payment in one phrase, from its parts' (their invoices prefetched)."""
    if purchase.payment_method == Purchase.PaymentMethod.CARD:
        return PaymentState(purchase.payment_status, purchase.get_payment_status_display())
    states = [part_payment_state(part, purchase, today) for part in purchase.parts.all()]
    codes = [state.code for state in states if state.code not in ("cancelled", "void")]
    if not codes:
        return PaymentState("cancelled", _("Nothing to pay"))
    if "overdue" in codes:
        return PaymentState("overdue", _("Overdue"))
    if all(code == "paid" for code in codes):
        return PaymentState("paid", _("Paid"))
    if all(code == "not-invoiced" for code in codes):
        return PaymentState("not-invoiced", _("Not invoiced yet"))
    paid = codes.count("paid")
    return PaymentState("open", ngettext(
        "%(paid)s of %(count)s invoice paid", "%(paid)s of %(count)s invoices paid", len(codes)
    ) % {"paid": paid, "count": len(codes)})  # fmt: skip
