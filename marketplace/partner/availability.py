"""Availability reasons of our marketplace, on top of Oscar's (stock, unavailable)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability as oscar_availability
from oscar.apps.partner.availability import Unavailable


class SupplierNotVerified(Unavailable):
    """The supplier waits for an operator's verification: nothing of it is sold until then."""

    code = "supplier-not-verified"
    message = _("Not for sale until the supplier is verified.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class NoSupplier(Unavailable):
    """A stock record of a partner that is no supplier (e.g. made by hand in the admin)."""

    code = "no-supplier"
    message = _("Not sold by a social enterprise of the marketplace.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class OnQuoteOnly(Unavailable):
    """A service priced per project: buyers ask the supplier for a quote instead of ordering."""

    code = "on-quote-only"
    message = _("On quote only: ask the supplier for a quote.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class MinimumQuantityMixin:
    """Refuses quantities below the product's minimum order quantity, with the reason."""

    def __init__(self, *args, minimum=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum = minimum

    @property
    def is_available_to_buy(self):
        # Oscar asks whether one unit can be bought; here the question is the minimum order.
        return super().is_purchase_permitted(self.minimum)[0]

    def is_purchase_permitted(self, quantity):
        if quantity < self.minimum:
            return False, _("The minimum order is %(minimum)s.") % {"minimum": self.minimum}
        return super().is_purchase_permitted(quantity)


class StockRequired(MinimumQuantityMixin, oscar_availability.StockRequired):
    pass


class Available(MinimumQuantityMixin, oscar_availability.Available):
    pass
