"""Only the views that differ from Oscar's catalogue dashboard (the rest are
loaded from Oscar by `get_class`)."""

from oscar.apps.dashboard.catalogue import views
from oscar.core.loading import get_class

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
