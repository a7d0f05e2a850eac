"""Placing a purchase (one checkout, one Oscar order per supplier) and moving each
supplier's part through its status flow, with the stock and invoice effects of each step."""

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.apps.order.signals import order_placed
from oscar.apps.order.utils import OrderCreator
from oscar.apps.shipping.methods import Free
from oscar.core import prices
from oscar.core.loading import get_model

from marketplace.partner import vat_rules
from marketplace.partner.strategy import Marketplace
from marketplace.webhooks import events as webhook_events
from search.services import products_reindex_later

from . import notifications, signals
from .models import REASON_NOTE, Order, PartStatus, Purchase, part_status_label
from .selectors import basket_parts, basket_problems

Basket = get_model("basket", "Basket")
OrderNote = get_model("order", "OrderNote")
StockRecord = get_model("partner", "StockRecord")


class CheckoutError(Exception):
    """The purchase cannot be placed; `messages` say why, for the buyer."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


class NoLongerAvailable(CheckoutError):
    pass


@dataclass
class CheckoutDetails:
    """What the buyer tells at checkout (see marketplace.order.forms.CheckoutForm)."""

    billing_name: str
    billing_street_address: str
    billing_postcode: str
    billing_city: str
    billing_country: str
    vat_id: str
    delivery_name: str
    delivery_street_address: str
    delivery_postcode: str
    delivery_city: str
    delivery_country: str
    purchase_order_reference: str = ""
    wished_date: date | None = None
    # supplier id -> the buyer's note to that supplier
    supplier_notes: dict = field(default_factory=dict)


def _purchase_create(*, buyer, user, basket, details, payment_method, total_excl_tax, total_incl_tax) -> Purchase:
    by_card = payment_method == Purchase.PaymentMethod.CARD
    purchase = Purchase.objects.create(
        number=uuid.uuid4().hex,
        buyer=buyer,
        placed_by=user,
        basket=basket,
        billing_name=details.billing_name,
        billing_street_address=details.billing_street_address,
        billing_postcode=details.billing_postcode,
        billing_city=details.billing_city,
        billing_country=details.billing_country,
        vat_id=details.vat_id,
        purchase_order_reference=details.purchase_order_reference,
        delivery_name=details.delivery_name,
        delivery_street_address=details.delivery_street_address,
        delivery_postcode=details.delivery_postcode,
        delivery_city=details.delivery_city,
        delivery_country=details.delivery_country,
        wished_date=details.wished_date,
        payment_method=payment_method,
        payment_status=Purchase.PaymentStatus.AWAITING if by_card else Purchase.PaymentStatus.INVOICED,
        total_excl_tax=total_excl_tax,
        total_incl_tax=total_incl_tax,
    )
    # Numbered from its id (a basket may see a failed card purchase, then a new one).
    purchase.number = str(100000 + purchase.pk)
    purchase.save(update_fields=["number"])
    return purchase


def _allocate(stockrecord_id: int, quantity: int, title: str) -> None:
    """Reserves stock only if enough is free. Oscar's StockRecord.allocate adds to the
    allocation unconditionally, so concurrent checkouts could oversell; this UPDATE
    re-checks the free stock under the row lock it takes."""
    reserved = StockRecord.objects.filter(
        pk=stockrecord_id, num_in_stock__gte=Coalesce(F("num_allocated"), 0) + quantity
    ).update(num_allocated=Coalesce(F("num_allocated"), 0) + quantity)
    if not reserved:
        raise NoLongerAvailable([_("%(product)s is no longer available in that quantity.") % {"product": title}])
    record = StockRecord.objects.select_related("partner__supplier", "product").get(pk=stockrecord_id)
    webhook_events.stock_left(record, before=record.net_stock_level + quantity)


def _tracks_stock(line) -> bool:
    return line.product.get_product_class().track_stock and line.stockrecord_id is not None


def _part_create(*, purchase, supplier, user, basket, excl_tax, incl_tax, status, note, index) -> Order:
    """A supplier's part of the purchase: an Oscar order without lines yet, shipped free."""
    nothing = prices.Price(currency=purchase.currency, excl_tax=Decimal("0.00"), tax=Decimal("0.00"))
    return OrderCreator().create_order_model(
        user,
        basket,
        None,
        Free(),
        nothing,
        None,
        prices.Price(currency=purchase.currency, excl_tax=excl_tax, incl_tax=incl_tax),
        f"{purchase.number}-{index}",
        status,
        purchase=purchase,
        supplier=supplier,
        buyer_note=note,
    )


def _place_part(*, purchase, supplier, lines, basket, user, status, note, index) -> Order:
    part = _part_create(
        purchase=purchase,
        supplier=supplier,
        user=user,
        basket=basket,
        excl_tax=sum(line.line_price_excl_tax for line in lines),
        incl_tax=sum(line.line_price_incl_tax for line in lines),
        status=status,
        note=note,
        index=index,
    )
    creator = OrderCreator()
    for line in lines:
        treatment = basket.strategy.vat_treatment(line.product, line.stockrecord)
        creator.create_line_models(part, line, extra_line_fields={"status": status, "vat_treatment": treatment.code})
    return part


def basket_priced_for(basket, buyer_vat: vat_rules.BuyerVat) -> None:
    """Prices the basket's lines with the VAT `buyer_vat` pays (its lines are read again)."""
    basket.strategy = Marketplace(user=basket.owner, buyer_vat=buyer_vat)
    basket.reset_offer_applications()


def purchase_place(*, basket, user, buyer, details: CheckoutDetails, payment_method: str) -> Purchase:
    """Places the basket as one purchase with one part per supplier, reserving stock.

    By invoice, the parts are placed at once and the basket is submitted. By card, the
    parts wait for the payment ("Awaiting payment") and the basket is frozen until
    `purchase_paid` or `purchase_payment_failed`.

    A second call for the same basket (a double submit) returns the first purchase.
    Raises CheckoutError (NoLongerAvailable when stock ran out) and places nothing."""
    existing = Purchase.objects.filter(basket=basket).first()
    if existing:
        return existing
    by_card = payment_method == Purchase.PaymentMethod.CARD
    status = PartStatus.AWAITING_PAYMENT if by_card else PartStatus.PLACED
    try:
        with transaction.atomic():
            # Serialises submits of this basket: the loser of a race finds the purchase made.
            locked = Basket.objects.select_for_update().get(pk=basket.pk)
            existing = Purchase.objects.filter(basket=basket).first()
            if existing:
                return existing
            if locked.status not in (Basket.OPEN, Basket.SAVED):
                raise CheckoutError([_("This basket has already been checked out.")])
            problems = basket_problems(basket)
            if not basket.num_lines:
                problems.append(_("Your basket is empty."))
            if problems:
                raise CheckoutError(problems)
            # The VAT of the billing details given at checkout (partner/vat_rules.py), which the
            # checkout page showed before the buyer confirmed (marketplace.checkout.views).
            buyer_vat = vat_rules.buyer_vat_of(buyer, country=details.billing_country, vat_id=details.vat_id)
            basket_priced_for(basket, buyer_vat)
            parts = basket_parts(basket)
            purchase = _purchase_create(
                buyer=buyer,
                user=user,
                basket=basket,
                details=details,
                payment_method=payment_method,
                total_excl_tax=sum(part.total_excl_tax for part in parts),
                total_incl_tax=sum(part.total_incl_tax for part in parts),
            )
            placed = [
                _place_part(
                    purchase=purchase,
                    supplier=part.supplier,
                    lines=part.lines,
                    basket=basket,
                    user=user,
                    status=status,
                    note=details.supplier_notes.get(part.supplier.pk, ""),
                    index=index,
                )
                for index, part in enumerate(parts, start=1)
            ]
            # Stock records in a fixed order, so that concurrent checkouts cannot deadlock.
            for line in sorted(basket.all_lines(), key=lambda line: line.stockrecord_id or 0):
                if _tracks_stock(line):
                    _allocate(line.stockrecord_id, line.quantity, line.product.get_title())
            if by_card:
                locked.freeze()
            else:
                locked.submit()
    except IntegrityError:
        # Another request placed this basket between our check and our insert.
        existing = Purchase.objects.filter(basket=basket).first()
        if existing:
            return existing
        raise
    basket.status = locked.status
    _after_stock_change(basket.all_lines())
    for part in placed:
        order_placed.send(sender=purchase_place, order=part, user=user)
    if not by_card:
        webhook_events.purchase_placed(purchase)
        transaction.on_commit(lambda: notifications.purchase_placed(purchase))
    return purchase


@dataclass(frozen=True)
class QuotedLine:
    """A line the supplier priced itself (in an awarded quote) rather than a shop product:
    no stock to reserve. Net and VAT come rounded from the quote, so the part's totals
    are the quote's to the cent."""

    title: str
    quantity: int
    unit_price_excl_tax: Decimal
    vat_rate: Decimal  # percent
    net: Decimal
    vat: Decimal
    vat_treatment: str = ""  # a code of partner.vat_rules.TREATMENTS


@dataclass(frozen=True)
class QuotedPart:
    """One supplier's share of an awarded quote (a joint quote has one per supplier)."""

    supplier: object  # organisations.Supplier
    lines: list[QuotedLine]


def purchase_place_quoted(*, buyer, user, details: CheckoutDetails, parts: list[QuotedPart]) -> Purchase:
    """Places a purchase by invoice with one part per supplier, made of its quoted lines.
    Each part then follows the flow of any other part (its supplier accepting it issues
    its invoice). The caller keeps this idempotent (an award places its purchase once)."""
    with transaction.atomic():
        every_line = [line for part in parts for line in part.lines]
        purchase = _purchase_create(
            buyer=buyer,
            user=user,
            basket=None,
            details=details,
            payment_method=Purchase.PaymentMethod.INVOICE,
            total_excl_tax=sum(line.net for line in every_line),
            total_incl_tax=sum(line.net + line.vat for line in every_line),
        )
        for index, quoted in enumerate(parts, start=1):
            _place_quoted_part(purchase=purchase, quoted=quoted, user=user, details=details, index=index)
        webhook_events.purchase_placed(purchase)
    transaction.on_commit(lambda: notifications.purchase_placed(purchase))
    return purchase


def _place_quoted_part(*, purchase, quoted: QuotedPart, user, details: CheckoutDetails, index: int) -> Order:
    supplier = quoted.supplier
    part = _part_create(
        purchase=purchase,
        supplier=supplier,
        user=user,
        basket=None,
        excl_tax=sum(line.net for line in quoted.lines),
        incl_tax=sum(line.net + line.vat for line in quoted.lines),
        status=PartStatus.PLACED,
        note=details.supplier_notes.get(supplier.pk, ""),
        index=index,
    )
    for line in quoted.lines:
        part.lines.create(
            partner=supplier.partner,  # Oscar's dashboard scopes orders by their lines' partner
            partner_name=supplier.name,
            partner_sku="",
            title=line.title[:255],
            quantity=line.quantity,
            line_price_excl_tax=line.net,
            line_price_incl_tax=line.net + line.vat,
            line_price_before_discounts_excl_tax=line.net,
            line_price_before_discounts_incl_tax=line.net + line.vat,
            unit_price_excl_tax=line.unit_price_excl_tax,
            unit_price_incl_tax=((line.net + line.vat) / line.quantity).quantize(Decimal("0.01")),
            tax_code=f"VAT-{format(line.vat_rate.normalize(), 'f')}",
            vat_treatment=line.vat_treatment,
            status=PartStatus.PLACED,
            num_allocated=0,
        )
    return part


def _after_stock_change(lines) -> None:
    products_reindex_later(line.product_id for line in lines if line.product_id)


def purchase_paid(purchase: Purchase) -> Purchase:
    """The card payment succeeded: the parts are placed and the basket is submitted.
    Idempotent: a second call (e.g. webhook and return page) changes nothing."""
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().get(pk=purchase.pk)
        if purchase.payment_status == Purchase.PaymentStatus.PAID:
            return purchase
        if purchase.payment_status != Purchase.PaymentStatus.AWAITING:
            # Paid after being given up (e.g. a very late success): keep the record straight, stock is gone.
            purchase.payment_status = Purchase.PaymentStatus.PAID
            purchase.save(update_fields=["payment_status"])
            return purchase
        purchase.payment_status = Purchase.PaymentStatus.PAID
        purchase.save(update_fields=["payment_status"])
        for part in purchase.parts.filter(status=PartStatus.AWAITING_PAYMENT):
            part.set_status(PartStatus.PLACED)
        if purchase.basket_id:
            Basket.objects.filter(pk=purchase.basket_id).update(status=Basket.SUBMITTED)
        webhook_events.purchase_placed(purchase)
    transaction.on_commit(lambda: notifications.purchase_placed(purchase))
    return purchase


def purchase_payment_failed(purchase: Purchase) -> Purchase:
    """The card payment failed or was abandoned: the parts are cancelled, their stock
    released, and the basket is open again with its lines, ready for another try."""
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().get(pk=purchase.pk)
        if purchase.payment_status != Purchase.PaymentStatus.AWAITING:
            return purchase
        for part in purchase.parts.filter(status=PartStatus.AWAITING_PAYMENT):
            _release_stock(part)
            part.set_status(PartStatus.CANCELLED)
        if purchase.basket_id:
            Basket.objects.filter(pk=purchase.basket_id, status=Basket.FROZEN).update(status=Basket.OPEN)
        purchase.payment_status = Purchase.PaymentStatus.FAILED
        # Free the basket for its next checkout (one purchase per basket).
        purchase.basket = None
        purchase.save(update_fields=["payment_status", "basket"])
    return purchase


def _stocked_lines(part):
    """The part's lines whose product keeps stock (goods), with their stock records."""
    for line in part.lines.select_related("stockrecord", "product__product_class"):
        if line.stockrecord and line.product and line.product.get_product_class().track_stock:
            yield line


def _release_stock(part) -> None:
    for line in _stocked_lines(part):
        line.stockrecord.cancel_allocation(line.quantity)


def _consume_stock(part) -> None:
    for line in _stocked_lines(part):
        line.stockrecord.consume_allocation(line.quantity)


def part_status_set(*, part: Order, status: str, reason: str = "", by=None) -> Order:
    """Moves a supplier's part to `status` along OSCAR_ORDER_STATUS_PIPELINE, applying
    its effects: rejecting or cancelling releases the reserved stock (and cancels an
    issued invoice with a credit note), shipping or delivering takes it out of stock, accepting issues the
    invoice. A `reason` (why a supplier declines or cancels) is kept on the part as a
    note by `by` and told to the buyer. Raises InvalidOrderStatus with a message for an
    illegal step; a part awaiting the buyer's card payment only moves with the payment."""
    with transaction.atomic():
        part = Order.objects.select_for_update().get(pk=part.pk)
        old_status = part.status
        if old_status == PartStatus.AWAITING_PAYMENT or status not in part.available_statuses():
            raise InvalidOrderStatus(
                _("A part that is “%(old)s” cannot become “%(new)s”.")
                % {"old": part_status_label(old_status), "new": part_status_label(status)}
            )
        if status in PartStatus.CLOSED:
            _release_stock(part)
            # Payments credit the invoice, then refund the card; if the provider refuses the
            # refund, the step is undone and the supplier is told.
            try:
                signals.part_closing.send(sender=Order, part=part, status=status)
            except signals.PaymentNotRefunded:
                raise InvalidOrderStatus(
                    _("The card refund to the buyer could not be made now; the part stays “%(old)s”. Try again.")
                    % {"old": part_status_label(old_status)}
                ) from None
        elif status in (PartStatus.SHIPPED, PartStatus.DELIVERED) and old_status == PartStatus.ACCEPTED:
            _consume_stock(part)
        part.set_status(status)
        if status == PartStatus.ACCEPTED:
            signals.part_accepted.send(sender=Order, part=part)
        webhook_events.part_changed(part)
        if reason:
            OrderNote.objects.create(order=part, user=by, note_type=REASON_NOTE, message=reason)
    _after_stock_change(part.lines.all())
    transaction.on_commit(lambda: notifications.part_status_changed(part, old_status, reason=reason))
    return part
