"""Fork of Oscar's basket.
- Adding to a basket is atomic. Oscar reads a line's quantity and writes it back, so
  two adds at once lost one (20 quick clicks ended at 7).
- A line's quantity is checked as a whole: Oscar checks the change of a line against
  the product's availability as if it were an order of its own, so a minimum order
  refused every line the buyer had not touched (a change of 0)."""

from django.db import transaction
from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def add_product(self, product, quantity=1, options=None):
        with transaction.atomic():
            if self.pk:
                # Adds to one basket take turns: the next one reads the line as the last one left it
                # (a row lock on PostgreSQL; on SQLite every write transaction already takes turns).
                type(self).objects.select_for_update().filter(pk=self.pk).values_list("pk").first()
            return super().add_product(product, quantity, options)

    add_product.alters_data = True
    add = add_product

    def is_quantity_allowed(self, qty, line=None):
        if line is not None:
            # The product's quantity after the change, over every line of its stock record.
            allowed, reason = line.purchase_info.availability.is_purchase_permitted(self.basket_quantity(line) + qty)
            if not allowed:
                return allowed, reason
        return super().is_quantity_allowed(qty)  # the basket-wide threshold


from oscar.apps.basket.models import *  # noqa: E402, F403
