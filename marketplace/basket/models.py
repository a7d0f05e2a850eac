"""Fork of Oscar's basket: adding to a basket is atomic. Oscar reads a line's quantity
and writes it back, so two adds at once lost one (20 quick clicks ended at 7)."""

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


from oscar.apps.basket.models import *  # noqa: E402, F403
