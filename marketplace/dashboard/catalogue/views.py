"""Only the views that differ from Oscar's catalogue dashboard (the rest are
loaded from Oscar by `get_class`)."""

from oscar.apps.dashboard.catalogue import views
from oscar.core.loading import get_class

from marketplace.organisations.models import Supplier

partner_product_visibility_q = get_class("dashboard.catalogue.utils", "partner_product_visibility_q")


class ProductLookupView(views.ProductLookupView):
    """Oscar's look-up (behind the product pickers) lists every product of the
    shop, unpublished ones included; a supplier's member finds only their own."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.filter(partner_product_visibility_q(user)).distinct()


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    """The product form learns its supplier, whose country's VAT rates it offers: the
    supplier of the product's stock, else the only supplier of the member editing it."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "supplier": self._supplier()}

    def _supplier(self):
        product = self.object
        if product is not None and product.pk:
            stockrecord = (product.parent or product).stockrecords.select_related("partner__supplier").first()
            if stockrecord is not None:
                return getattr(stockrecord.partner, "supplier", None)
        suppliers = Supplier.objects.filter(memberships__user=self.request.user).distinct()[:2]
        return suppliers[0] if len(suppliers) == 1 else None
