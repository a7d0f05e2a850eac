"""Shop browsing without haystack. Oscar's own catalogue and search views
query haystack, which has no Elasticsearch 8 backend (see ARCHITECTURE.md);
these serve the same URLs from the database until the product-search issue
puts them on the search interface. Only products of verified suppliers are sold."""

from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def products_for_sale():
    """Public products that a verified supplier sells, with what a product card shows."""
    return (
        Product.objects.browsable()
        .filter(stockrecords__partner__supplier__verified=True)
        .select_related("product_class")
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            "images",
        )
        .distinct()
        .order_by("title", "pk")
    )


class CatalogueView(ListView):
    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        return products_for_sale()

    def get_context_data(self, **kwargs):
        return super().get_context_data(summary=_("All products"), **kwargs)


class ProductCategoryView(CatalogueView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category.objects.browsable(), pk=kwargs["pk"])
        if request.path != self.category.get_absolute_url():
            # Categories are found by id; an old slug redirects to the current one.
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return products_for_sale().filter(categories__in=self.category.get_descendants_and_self())

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class FacetedSearchView(CatalogueView):
    """/shop/search/?q=…: title and description contain every word."""

    template_name = "oscar/search/results.html"

    def get_queryset(self):
        products = products_for_sale()
        for word in self.request.GET.get("q", "").split():
            products = products.filter(Q(title__icontains=word) | Q(description__icontains=word))
        return products

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(summary=_("Search"), query=self.request.GET.get("q", ""))
        return context
