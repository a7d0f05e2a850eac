"""Baskets and checkout details for the ordering tests."""

import datetime

from oscar.core.loading import get_class, get_model

from marketplace.order.services import CheckoutDetails

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def basket_with(user, *items):
    """An open basket of `user` holding (product, quantity) pairs."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket


def checkout_details(**overrides):
    details = {
        "billing_name": "Acme Procurement SA",
        "billing_street_address": "1 rue du Marché",
        "billing_postcode": "57000",
        "billing_city": "Metz",
        "billing_country": "FR",  # as the factories' suppliers: French VAT (partner/vat_rules.py)
        "vat_id": "FR11123456782",
        "delivery_name": "Acme warehouse",
        "delivery_street_address": "2 rue du Port",
        "delivery_postcode": "2222",
        "delivery_city": "Esch-sur-Alzette",
        "delivery_country": "LU",
        "purchase_order_reference": "PO-2026-17",
        "wished_date": datetime.date(2026, 12, 15),
    }
    details.update(overrides)
    return CheckoutDetails(**details)
