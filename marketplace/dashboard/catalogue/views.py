"""Only the views that differ from Oscar's catalogue dashboard (the rest are
loaded from Oscar by `get_class`)."""

from oscar.apps.dashboard.catalogue import views


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    """The product form learns its supplier (the one of the product's stock), whose
    country's VAT rates it offers by name."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "supplier": self._supplier()}

    def _supplier(self):
        product = self.object
        if product is not None and product.pk:
            stockrecord = (product.parent or product).stockrecords.select_related("partner__supplier").first()
            if stockrecord is not None:
                return getattr(stockrecord.partner, "supplier", None)
        return None
