"""The demo's purchases by invoice, placed through the real checkout service."""

from oscar.core.loading import get_class, get_model

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import CheckoutDetails, part_status_set, purchase_place

from . import data

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def purchase_placed(*, buyer, officer, choices, reference: str, accepted: int | None = None) -> Purchase | None:
    """Places a purchase by invoice of the first product that may be bought (at its
    minimum quantity) from each group of `choices`, then accepts its first `accepted`
    parts (all without a number), which issues their invoices. None when nothing could be bought."""
    basket = Basket.objects.create(owner=officer)
    basket.strategy = Selector().strategy(user=officer)
    for products in choices:
        for product in products:
            info = basket.strategy.fetch_for_product(product)
            quantity = info.availability.minimum if hasattr(info.availability, "minimum") else 1
            if info.availability.is_purchase_permitted(quantity)[0]:
                basket.add_product(product, quantity)
                break
    if basket.is_empty:
        return None
    street, postcode, vat_id = data.BUYER_BILLING[buyer.name]
    purchase = purchase_place(
        basket=basket,
        user=officer,
        buyer=buyer,
        details=CheckoutDetails(
            billing_name=buyer.name,
            billing_street_address=street,
            billing_postcode=postcode,
            billing_city=buyer.city,
            billing_country=buyer.country.code,
            vat_id=vat_id,
            delivery_name=f"{buyer.name}, goods reception",
            delivery_street_address=street,
            delivery_postcode=postcode,
            delivery_city=buyer.city,
            delivery_country=buyer.country.code,
            purchase_order_reference=reference,
        ),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )
    for part in purchase.parts.order_by("number")[:accepted]:
        part_status_set(part=part, status=PartStatus.ACCEPTED)
    return purchase
