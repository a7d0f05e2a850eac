"""Oscar's product page, for a marketplace: the product is loaded with its supplier,
prices and attributes in a fixed number of queries, and a product of an unverified
supplier is shown only to that supplier's members and operators (never sold)."""

from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from .attributes import attribute_rows, is_on_quote_only
from .selectors import product_is_visible_to, products_for_pricing, supplier_of


class ProductDetailView(CoreProductDetailView):
    def get_queryset(self):
        return products_for_pricing().select_related("parent")

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        self.supplier = supplier_of(product)
        return product_is_visible_to(product=product, supplier=self.supplier, user=request.user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        product = self.object
        ctx["supplier"] = self.supplier
        ctx["attribute_rows"] = attribute_rows(product)
        ctx["on_quote_only"] = is_on_quote_only(product)
        ctx["product_class"] = product.get_product_class()
        return ctx
