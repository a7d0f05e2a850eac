"""Reads of the supplier workspace. Each one is scoped to one supplier, which the views
have already checked the user belongs to; the rules themselves (which invitations, which
threads, which payment state) come from the apps that own them."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.attributes import is_on_quote_only, unit_of_sale
from marketplace.order.models import Order, PartStatus, Purchase
from marketplace.organisations.models import Supplier
from marketplace.payments import selectors as payments
from marketplace.payments.models import Invoice, SupplierStripeAccount, Transfer
from marketplace.sourcing.models import Invitation, Message, Need, Quote
from marketplace.sourcing.selectors import invitations_for_suppliers, suppliers_of
from marketplace.sourcing.threads import threads_for

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

# The steps a supplier takes on its own part, in the order of the flow; part_status_set
# decides which of them are allowed from the part's status. A supplier declines a new
# part and cancels a confirmed one (CANCEL_FROM); a part awaiting payment is cancelled
# with the buyer's payment, and operators cancel from the dashboard.
SUPPLIER_STEPS = (
    PartStatus.ACCEPTED,
    PartStatus.REJECTED,
    PartStatus.SHIPPED,
    PartStatus.DELIVERED,
    PartStatus.COMPLETED,
    PartStatus.CANCELLED,
)
STEP_LABELS = {
    PartStatus.ACCEPTED: _("Confirm the order part"),
    PartStatus.REJECTED: _("Decline"),
    PartStatus.SHIPPED: _("Mark as dispatched"),
    PartStatus.DELIVERED: _("Mark as delivered"),
    PartStatus.COMPLETED: _("Mark as completed"),
    PartStatus.CANCELLED: _("Cancel the order part"),
}
# The steps that close a part: the supplier must say why, and the buyer is told.
CLOSING_STEPS = (PartStatus.REJECTED, PartStatus.CANCELLED)
CANCEL_FROM = PartStatus.ACCEPTED
# The statuses the order list filters by, in the order of the flow.
PART_STATUSES = (
    PartStatus.PLACED,
    PartStatus.ACCEPTED,
    PartStatus.SHIPPED,
    PartStatus.DELIVERED,
    PartStatus.COMPLETED,
    PartStatus.REJECTED,
    PartStatus.CANCELLED,
    PartStatus.AWAITING_PAYMENT,
)


def workspace_suppliers(user):
    """The suppliers whose workspace the user may open: those they are a member of."""
    return suppliers_of(user)


def workspace_supplier(*, user, slug: str) -> Supplier | None:
    return workspace_suppliers(user).select_related("partner").filter(slug=slug).first()


# Order parts


def parts_for_supplier(supplier, *, status: str = ""):
    """The supplier's order parts, newest first, with what the list shows (buyer, invoice)."""
    parts = Order.objects.filter(supplier=supplier).select_related("purchase__buyer").prefetch_related("invoices")
    if status:
        parts = parts.filter(status=status)
    return parts.order_by("-date_placed", "-pk")


def part_for_supplier(*, supplier, number: str) -> Order | None:
    return (
        Order.objects.filter(supplier=supplier, number=number)
        .select_related("purchase__buyer", "purchase__placed_by")
        .prefetch_related("invoices")
        .first()
    )


def part_steps(part) -> list[tuple[str, str]]:
    """(status, button label) of each step the supplier may take now. A part awaiting the
    buyer's card payment moves only with the payment (part_status_set refuses it)."""
    if part.status == PartStatus.AWAITING_PAYMENT:
        return []
    allowed = set(part.available_statuses())
    if part.status != CANCEL_FROM:
        allowed.discard(PartStatus.CANCELLED)
    return [(status, STEP_LABELS[status]) for status in SUPPLIER_STEPS if status in allowed]


@dataclass(frozen=True)
class ClosingStep:
    """The step that closes a part (declining or cancelling), with what it entails, for
    the supplier to read before giving its reason and confirming."""

    status: str
    label: str
    consequences: str

    @property
    def is_cancel(self) -> bool:
        return self.status == PartStatus.CANCELLED


def closing_step(part, steps) -> ClosingStep | None:
    """The closing step among the part's `steps` (part_steps), if any: at most one at a
    time, declining a new part or cancelling a confirmed one."""
    status = next((status for status, _label in steps if status in CLOSING_STEPS), None)
    if status is None:
        return None
    effects = [_("It releases the stock reserved for the order part.")]
    invoice = part.invoice_or_none
    if invoice is not None:
        effects.append(
            _("Invoice %(number)s is cancelled by a credit note, which the buyer receives.")
            % {"number": invoice.number}
        )
    if part.purchase_id and part.purchase.payment_method == Purchase.PaymentMethod.CARD:
        effects.append(_("The buyer's card payment for it is refunded."))
    effects.append(_("The buyer is told, with your reason. This cannot be undone."))
    return ClosingStep(status=status, label=STEP_LABELS[status], consequences=" ".join(map(str, effects)))


def part_history(part):
    """The part's status changes, oldest first, and the notes its supplier's members wrote
    (the reason of a decline or cancellation among them)."""
    changes = list(part.status_changes.order_by("date_created", "pk"))
    notes = list(
        part.notes.filter(user__partners=part.supplier.partner_id).select_related("user").order_by("date_created")
    )
    return changes, notes


# Products


@dataclass
class ProductRow:
    product: object
    price: Decimal | None
    unit: str
    stock: str
    on_quote: bool


def _stock_text(product, record) -> str:
    if is_on_quote_only(product):
        return str(_("On quote"))
    if record is None or not product.get_product_class().track_stock or record.num_in_stock is None:
        return str(_("On request"))
    return str(record.net_stock_level)


def products_for_supplier(supplier):
    """The products the supplier sells (one stock record of its partner each), with their
    class, attributes and the supplier's own stock record, in a fixed number of queries."""
    records = StockRecord.objects.filter(partner_id=supplier.partner_id).order_by("pk")
    return (
        Product.objects.filter(stockrecords__partner_id=supplier.partner_id)
        .distinct()
        .select_related("product_class", "parent__product_class")
        .prefetch_related(Prefetch("stockrecords", queryset=records, to_attr="supplier_records"))
        .prefetch_attribute_values()
        .order_by("title", "pk")
    )


def product_rows(products) -> list[ProductRow]:
    rows = []
    for product in products:
        record = product.supplier_records[0] if product.supplier_records else None
        rows.append(
            ProductRow(
                product=product,
                price=record.price if record else None,
                unit=unit_of_sale(product),
                stock=_stock_text(product, record),
                on_quote=is_on_quote_only(product),
            )
        )
    return rows


# Quotes and conversations


def supplier_invitations(supplier):
    return invitations_for_suppliers([supplier])


def invitations_to_answer(supplier):
    """Invitations still open to a quote that the supplier has neither declined nor quoted,
    soonest deadline first."""
    return (
        invitations_for_suppliers([supplier])
        .filter(need__status=Need.Status.PUBLISHED, need__deadline__gt=timezone.now())
        .exclude(status__in=(Invitation.Status.DECLINED, Invitation.Status.QUOTED))
        .order_by("need__deadline", "pk")
    )


def supplier_quotes(supplier):
    """The supplier's own quotes; joint ones are listed with their partners' (sourcing.joint)."""
    return Quote.objects.filter(supplier=supplier, joint=False).select_related("need__buyer").order_by("-pk")


def supplier_threads(*, user, supplier):
    """The supplier's conversations (through threads_for, which decides who sees which),
    each with the side of its last message: a buyer's last word waits for an answer."""
    last_side = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk").values("side")[:1]
    return threads_for(user).filter(supplier=supplier).annotate(last_side=Subquery(last_side))


def threads_to_answer(*, user, supplier):
    return supplier_threads(user=user, supplier=supplier).filter(last_side=Message.Side.BUYER)


# Money


@dataclass
class InvoiceTotals:
    open_count: int = 0
    open_total: Decimal = Decimal("0.00")
    overdue_count: int = 0
    overdue_total: Decimal = Decimal("0.00")
    paid_count: int = 0
    paid_total: Decimal = Decimal("0.00")


def supplier_invoices(*, user, supplier):
    """The supplier's invoices through payments' own visibility rule, newest first."""
    return payments.invoices_for_user(user).filter(supplier=supplier)


def invoice_totals(invoices, today=None) -> InvoiceTotals:
    """Counts and gross totals of open, overdue (open past their due date) and paid invoices (credit
    notes apart), in one query."""
    today = today or timezone.localdate()
    invoices = invoices.filter(kind=Invoice.Kind.INVOICE)
    is_open = Q(status=Invoice.Status.OPEN)
    overdue = is_open & Q(due_on__lt=today)
    paid = Q(status=Invoice.Status.PAID)
    figures = invoices.order_by().aggregate(
        open_count=Count("pk", filter=is_open),
        open_total=Sum("total_incl_tax", filter=is_open),
        overdue_count=Count("pk", filter=overdue),
        overdue_total=Sum("total_incl_tax", filter=overdue),
        paid_count=Count("pk", filter=paid),
        paid_total=Sum("total_incl_tax", filter=paid),
    )
    return InvoiceTotals(**{key: value for key, value in figures.items() if value is not None})


def stripe_account(supplier) -> SupplierStripeAccount | None:
    return payments.supplier_stripe_accounts([supplier]).get(supplier.pk)


def supplier_transfers(supplier):
    return Transfer.objects.filter(supplier=supplier).select_related("order").order_by("-created_at", "-pk")


# Overview


def profile_missing(supplier) -> list[str]:
    """What the supplier's profile still lacks for buyers to trust and pay it."""
    missing = []
    if not supplier.logo:
        missing.append(_("a logo"))
    if not supplier.description.strip():
        missing.append(_("a description"))
    if not (supplier.street_address and supplier.postcode and supplier.city):
        missing.append(_("a full address"))
    if not supplier.vat_id:
        missing.append(_("a VAT ID"))
    if not supplier.iban:
        missing.append(_("an IBAN for transfers"))
    if not supplier.sectors.exists():
        missing.append(_("its sectors"))
    return missing


def has_products(supplier) -> bool:
    return StockRecord.objects.filter(partner_id=supplier.partner_id).exists()


@dataclass
class Overview:
    """What needs doing now in a supplier's workspace."""

    parts_to_confirm: list = field(default_factory=list)
    parts_to_confirm_count: int = 0
    invitations: list = field(default_factory=list)
    invitations_count: int = 0
    threads: list = field(default_factory=list)
    threads_count: int = 0
    invoices: InvoiceTotals = field(default_factory=InvoiceTotals)
    stripe_account: SupplierStripeAccount | None = None
    card_payments_enabled: bool = False
    profile_missing: list = field(default_factory=list)
    has_products: bool = False

    @property
    def nothing_to_do(self) -> bool:
        return not (self.parts_to_confirm_count or self.invitations_count or self.threads_count)


def overview(*, user, supplier, shown: int = 5) -> Overview:
    to_confirm = parts_for_supplier(supplier, status=PartStatus.PLACED)
    invitations = invitations_to_answer(supplier)
    threads = threads_to_answer(user=user, supplier=supplier)
    return Overview(
        parts_to_confirm=list(to_confirm[:shown]),
        parts_to_confirm_count=to_confirm.count(),
        invitations=list(invitations[:shown]),
        invitations_count=invitations.count(),
        threads=list(threads[:shown]),
        threads_count=threads.count(),
        invoices=invoice_totals(supplier_invoices(user=user, supplier=supplier)),
        stripe_account=stripe_account(supplier),
        card_payments_enabled=payments.card_payments_enabled(),
        profile_missing=profile_missing(supplier),
        has_products=has_products(supplier),
    )
