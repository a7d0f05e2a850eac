"""Oscar's recommendation formset offers every product of the shop, so a
supplier's member could pick (and then read the title of) another supplier's
unpublished product by its id. Members pick among their own products."""

from oscar.apps.dashboard.catalogue import formsets
from oscar.core.loading import get_class, get_model

Product = get_model("catalogue", "Product")
partner_product_visibility_q = get_class("dashboard.catalogue.utils", "partner_product_visibility_q")


class ProductRecommendationFormSet(formsets.ProductRecommendationFormSet):
    def __init__(self, product_class, user, *args, **kwargs):
        self.user = user
        super().__init__(product_class, user, *args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if not self.user.is_staff and "recommendation" in form.fields:
            form.fields["recommendation"].queryset = Product.objects.filter(
                partner_product_visibility_q(self.user)
            ).distinct()
