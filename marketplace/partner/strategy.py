"""How the shop prices and sells a product (Oscar's strategy pattern).

- A product is sold through its first stock record, whose partner is a supplier's.
- Prices are in EUR excluding VAT (B2B); the VAT is the product's `vat_rate`
  attribute if set, else the standard rate of the supplier's country (partner/vat.py),
  rounded half up to the cent.
- Goods need stock (their class tracks stock); services do not.
- Nothing of an unverified supplier can be bought, nor a service sold on quote only.

`strategy.fetch_for_product(product).price` has `excl_tax`, `incl_tax`, `tax`,
`currency` and `tax_rate`. To price many products without a query each, load them with
`catalogue.selectors.products_for_pricing()`.
"""

from decimal import Decimal
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from oscar.apps.partner import availability as oscar_availability
from oscar.apps.partner import prices as oscar_prices
from oscar.apps.partner.strategy import Structured, UseFirstStockRecord

from catalogue.attributes import GOODS, SERVICE, is_on_quote_only, minimum_order_quantity, vat_rate_override

from . import vat_rules
from .availability import Available, NoSupplier, OnQuoteOnly, StockRequired, SupplierNotVerified
from .prices import VatPrice
from .vat import vat_amount


def supplier_of_stockrecord(stockrecord):
    """The supplier selling through this stock record, or None."""
    if stockrecord is None:
        return None
    try:
        return stockrecord.partner.supplier
    except ObjectDoesNotExist:
        return None


def _product_rate(product) -> Decimal | None:
    """The product's own VAT rate (a variant's, else its parent's); None: its supplier's standard rate."""
    override = vat_rate_override(product)
    if override is None and product.is_child:
        override = vat_rate_override(product.parent)
    return override


def _supplier_country(stockrecord) -> str:
    supplier = supplier_of_stockrecord(stockrecord)
    return supplier.country.code if supplier else ""


def product_kind(product) -> str:
    """GOODS or SERVICE, as the VAT rules tell them apart (a variant is its parent's kind)."""
    product_class = product.get_product_class()
    return SERVICE if product_class and product_class.slug == SERVICE else GOODS


def vat_treatment(product, stockrecord, buyer_vat: vat_rules.BuyerVat | None) -> vat_rules.Treatment:
    """How VAT applies when `buyer_vat`'s organisation buys the product (partner/vat_rules.py)."""
    return vat_rules.treatment(
        supplier_country=_supplier_country(stockrecord), buyer=buyer_vat, kind=product_kind(product)
    )


def price_at_rate(*, excl_tax: Decimal, currency: str, rate: Decimal) -> VatPrice:
    """A price excluding VAT and its VAT at `rate` percent, rounded half up to the cent."""
    return VatPrice(currency=currency, excl_tax=excl_tax, tax=vat_amount(net=excl_tax, rate=rate), tax_rate=rate)


def vat_price(product, stockrecord, buyer_vat: vat_rules.BuyerVat | None = None):
    if stockrecord is None or stockrecord.price is None:
        return oscar_prices.Unavailable()
    rate = vat_rules.line_rate(
        supplier_country=_supplier_country(stockrecord),
        buyer=buyer_vat,
        kind=product_kind(product),
        product_rate=_product_rate(product),
    )
    return price_at_rate(excl_tax=stockrecord.price, currency=stockrecord.price_currency, rate=rate)


class Marketplace(UseFirstStockRecord, Structured):
    """`buyer_vat`: the buyer the VAT is for; by default the first buyer organisation of
    the signed-in user (the one the checkout proposes), none for a visitor, who sees the
    supplier's own VAT."""

    def __init__(self, request=None, user=None, buyer_vat=None):
        super().__init__(request)
        if user is not None and user.is_authenticated:
            self.user = user
        self._buyer_vat = buyer_vat

    @cached_property
    def buyer_vat(self) -> vat_rules.BuyerVat | None:
        if self._buyer_vat is not None:
            return self._buyer_vat
        if self.user is None:
            return None
        from marketplace.order.selectors import buyers_of  # order prices through this module

        buyer = buyers_of(self.user).first()
        return vat_rules.buyer_vat_of(buyer) if buyer else None

    def vat_treatment(self, product, stockrecord) -> vat_rules.Treatment:
        return vat_treatment(product, stockrecord, self.buyer_vat)

    def pricing_policy(self, product, stockrecord):
        return vat_price(product, stockrecord, self.buyer_vat)

    def parent_pricing_policy(self, product, children_stock):
        # A product sold in variants shows the price of its first variant with a price.
        for child, stockrecord in children_stock:
            if stockrecord is not None and stockrecord.price is not None:
                return vat_price(child, stockrecord, self.buyer_vat)
        return oscar_prices.Unavailable()

    def availability_policy(self, product, stockrecord):
        if stockrecord is None:
            return oscar_availability.Unavailable()
        supplier = supplier_of_stockrecord(stockrecord)
        if supplier is None:
            return NoSupplier()
        if not supplier.verified:
            return SupplierNotVerified()
        if is_on_quote_only(product) or (product.is_child and is_on_quote_only(product.parent)):
            return OnQuoteOnly()
        minimum = minimum_order_quantity(product)
        if product.get_product_class().track_stock:
            return StockRequired(stockrecord.net_stock_level, minimum=minimum)
        return Available(minimum=minimum)

    def parent_availability_policy(self, product, children_stock):
        policies = [self.availability_policy(child, stockrecord) for child, stockrecord in children_stock]
        for policy in policies:
            if policy.is_available_to_buy:
                return oscar_availability.Available()
        # Say why (unverified supplier, on quote only) rather than a bare "unavailable".
        return policies[0] if policies else oscar_availability.Unavailable()


class Selector:
    """One strategy for everybody: B2B prices excluding VAT, in EUR, with the VAT the
    signed-in buyer's organisation pays."""

    def strategy(self, request=None, user=None, **kwargs):
        return Marketplace(request, user=user)
