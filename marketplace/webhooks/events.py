"""The domain events other apps emit, each turned into one payload per organisation
concerned and published to its endpoints (services.event_publish, after the commit).

Payloads hold ids, public fields and links, and nothing of another organisation than the
two parties of the thing: a supplier's order part never shows the other parts of the
purchase, a buyer's need reaches suppliers only through the invitation they received.
The shapes are documented on the endpoints page (templates/webhooks/includes/events.html)."""

from django.urls import reverse

from marketplace.core.mail import absolute_url

from .models import EventType
from .services import event_publish

# The step of a part that is an event, by the status it reaches.
PART_EVENTS = {
    "Placed": EventType.PART_PLACED,
    "Accepted": EventType.PART_CONFIRMED,
    "Delivered": EventType.PART_DELIVERED,
}


def _party(organisation) -> dict:
    return {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name}


def _money(value) -> str:
    return f"{value:.2f}"


def _part_data(part, url: str) -> dict:
    purchase = part.purchase
    return {
        "order_part": {
            "number": part.number,
            "status": part.status,
            "purchase_number": purchase.number,
            "purchase_order_reference": purchase.purchase_order_reference,
            "supplier": _party(part.supplier),
            "buyer": _party(purchase.buyer),
            "currency": part.currency,
            "total_excl_tax": _money(part.total_excl_tax),
            "total_incl_tax": _money(part.total_incl_tax),
            "wished_date": purchase.wished_date,
            "lines": [
                {
                    "title": line.title,
                    "sku": line.partner_sku,
                    "product_id": line.product_id,
                    "quantity": line.quantity,
                    "unit_price_excl_tax": _money(line.unit_price_excl_tax),
                    "total_excl_tax": _money(line.line_price_excl_tax),
                }
                for line in part.lines.order_by("pk")
            ],
            "url": url,
        }
    }


def _supplier_part_url(part) -> str:
    return absolute_url(reverse("workspace:part-detail", kwargs={"slug": part.supplier.slug, "number": part.number}))


def _buyer_part_url(part) -> str:
    return absolute_url(reverse("purchases:detail", kwargs={"number": part.purchase.number}))


def part_changed(part) -> None:
    """A part reached a status that is an event: placed goes to its supplier (the buyer
    placed it), confirmed and delivered to both parties."""
    event_type = PART_EVENTS.get(part.status)
    if event_type is None:
        return
    event_publish(organisation=part.supplier, event_type=event_type, data=_part_data(part, _supplier_part_url(part)))
    if event_type != EventType.PART_PLACED:
        buyer = part.purchase.buyer
        event_publish(organisation=buyer, event_type=event_type, data=_part_data(part, _buyer_part_url(part)))


def purchase_placed(purchase) -> None:
    for part in purchase.parts.select_related("supplier"):
        part_changed(part)


def _invoice_data(invoice) -> dict:
    return {
        "invoice": {
            "id": invoice.pk,
            "number": invoice.number,
            "kind": invoice.kind,
            "status": invoice.status,
            "order_part_number": invoice.order.number,
            "supplier": _party(invoice.supplier),
            "buyer": _party(invoice.order.purchase.buyer),
            "issued_on": invoice.issued_on,
            "due_on": invoice.due_on,
            "paid_on": invoice.paid_on,
            "currency": invoice.currency,
            "total_excl_tax": _money(invoice.total_excl_tax),
            "total_tax": _money(invoice.total_tax),
            "total_incl_tax": _money(invoice.total_incl_tax),
            "pdf_url": absolute_url(reverse("payments:invoice-pdf", kwargs={"pk": invoice.pk})),
            "ubl_url": absolute_url(reverse("payments:invoice-ubl", kwargs={"pk": invoice.pk})),
        }
    }


def invoice_changed(invoice, event_type: str) -> None:
    """Issued or paid: both the supplier and the buyer keep books of it."""
    data = _invoice_data(invoice)
    event_publish(organisation=invoice.supplier, event_type=event_type, data=data)
    event_publish(organisation=invoice.order.purchase.buyer, event_type=event_type, data=data)


def _need_data(need, url: str) -> dict:
    return {
        "need": {
            "id": need.pk,
            "title": need.title,
            "status": need.status,
            "buyer": _party(need.buyer),
            "deadline": need.deadline,
            "delivery_date": need.delivery_date,
            "quantity": need.quantity,
            "unit": need.unit,
            "city": need.city,
            "country": str(need.country),
            "sectors": list(need.sectors.values_list("slug", flat=True)),
            "reserved_contract": need.reserved_contract,
            "url": url,
        }
    }


def need_published(need) -> None:
    """To the buyer, and to each supplier invited to quote (what its invitation shows)."""
    url = absolute_url(reverse("sourcing:need-detail", kwargs={"pk": need.pk}))
    event_publish(organisation=need.buyer, event_type=EventType.NEED_PUBLISHED, data=_need_data(need, url))
    for invitation in need.invitations.select_related("supplier"):
        event_publish(organisation=invitation.supplier, event_type=EventType.NEED_PUBLISHED, data=_need_data(need, url))


def _quote_data(quote) -> dict:
    need = quote.need
    return {
        "quote": {
            "id": quote.pk,
            "status": quote.status,
            "need": {"id": need.pk, "title": need.title},
            "supplier": _party(quote.supplier),
            "buyer": _party(need.buyer),
            "joint": quote.joint,
            "valid_until": quote.valid_until,
            "delivery_date": quote.delivery_date,
            "currency": "EUR",
            "total_excl_tax": _money(quote.total_excl_tax),
            "total_tax": _money(quote.total_tax),
            "total_incl_tax": _money(quote.total_incl_tax),
            "url": absolute_url(reverse("sourcing:need-compare", kwargs={"pk": need.pk})),
        }
    }


def quote_received(quote) -> None:
    event_publish(organisation=quote.need.buyer, event_type=EventType.QUOTE_RECEIVED, data=_quote_data(quote))


def quote_awarded(award) -> None:
    """To each supplier that gets an order part from the award (a joint quote's lead and
    partners), with its own part's number only."""
    quote = award.quote
    data = _quote_data(quote)
    data["quote"]["url"] = absolute_url(reverse("sourcing:need-detail", kwargs={"pk": quote.need_id}))
    for part in award.purchase.parts.select_related("supplier"):
        event_publish(
            organisation=part.supplier,
            event_type=EventType.QUOTE_AWARDED,
            data={**data, "purchase_number": award.purchase.number, "order_part_number": part.number},
        )


def stock_left(record, *, before: int | None) -> None:
    """A stock record that had free stock (`before` units) has none left: its supplier hears."""
    if record.num_in_stock is None or before is None or before <= 0 or record.net_stock_level > 0:
        return
    supplier = record.partner.supplier
    product = record.product
    event_publish(
        organisation=supplier,
        event_type=EventType.PRODUCT_OUT_OF_STOCK,
        data={
            "product": {
                "id": product.pk,
                "title": product.get_title(),
                "sku": record.partner_sku,
                "num_in_stock": record.num_in_stock,
                "num_allocated": record.num_allocated or 0,
                "url": absolute_url(product.get_absolute_url()),
            }
        },
    )
