"""Search pages. The supplier directory runs on the search interface. Shop
browsing runs without haystack: Oscar's own catalogue and search views query
haystack, which has no Elasticsearch 8 backend (see ARCHITECTURE.md), so these
serve the same URLs from the database until the product-search issue puts them
on the search interface. Only products of verified suppliers are sold."""

from urllib.parse import urlencode

from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from .interface import FACET_LABELS, FACET_NAMES, SORTS, SUPPLIER_FACETS, InvalidQuery, SupplierQuery
from .selectors import facet_vocabulary, supplier_count, supplier_search, unknown_values

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


def _url(query: SupplierQuery) -> str:
    params = query.to_params()
    return "?" + urlencode(params) if params else "?"


class SupplierDirectoryView(TemplateView):
    """/suppliers/: faceted search over verified suppliers. Every state is in
    the URL; with JavaScript, directory.js swaps in the results fragment."""

    template_name = "search/supplier_directory.html"
    fragment_template_name = "search/includes/directory_results.html"

    def render_to_response(self, context, **kwargs):
        # The fragment and the whole page share a URL: caches must tell them apart.
        response = super().render_to_response(context, **kwargs)
        patch_vary_headers(response, ["X-Requested-With"])
        return response

    def get_template_names(self):
        if self.request.headers.get("X-Requested-With") == "directory":
            return [self.fragment_template_name]
        return [self.template_name]

    def get(self, request, *args, **kwargs):
        try:
            query = SupplierQuery.from_params(request.GET)
        except InvalidQuery as error:
            context = self.get_context_data(error=str(error), query=SupplierQuery(), facets=SUPPLIER_FACETS)
            return self.render_to_response(context, status=400)
        vocabulary = facet_vocabulary()
        notices = []
        unknown = unknown_values(query, vocabulary)
        for facet, value in unknown:
            # A stale or mistyped link still shows a page: drop what we do not know and say so.
            query = query.dropping(facet, [value]).replace(page=query.page)
            notices.append(
                _("We ignored “%(value)s”: it is not a known %(facet)s.")
                % {"value": value, "facet": str(FACET_LABELS[facet]).lower()}
            )
        results = supplier_search(query, vocabulary=vocabulary)
        if query.page > results.num_pages and results.total:
            notices.append(
                _("There is no page %(page)d: the results end at page %(last)d.")
                % {"page": query.page, "last": results.num_pages}
            )
        results.notices = notices
        return self.render_to_response(self.get_context_data(**self.directory_context(results)))

    def directory_context(self, results):
        query = results.query
        labels = FACET_LABELS
        facets = []
        for facet in FACET_NAMES:
            options = results.facets[facet]
            for option in options:
                option.url = _url(query.toggled(facet, option.value))
            facets.append({"name": facet, "label": labels[facet], "options": options})
        chips = [
            {"label": option.label, "facet": labels[facet["name"]], "url": option.url}
            for facet in facets
            for option in facet["options"]
            if option.selected
        ]
        if query.text:
            chips.insert(
                0, {"label": f"“{query.text}”", "facet": _("Text"), "url": _url(query.replace(text="", page=1))}
            )
        return {
            "results": results,
            "query": query,
            "facets": facets,
            "chips": chips,
            "clear_url": _url(SupplierQuery(sort=query.sort, page_size=query.page_size)),
            "sorts": SORTS.items(),
            "previous_url": _url(query.replace(page=query.page - 1)) if results.has_previous else "",
            "next_url": _url(query.replace(page=query.page + 1)) if results.has_next else "",
            "last_url": _url(query.replace(page=results.num_pages)),
            "suggestions": self.suggestions(results) if not results.total else [],
        }

    @staticmethod
    def suggestions(results):
        """On an empty page: how many results each single filter is hiding."""
        query = results.query
        options = []
        if query.text:
            without_text = query.replace(text="", page=1)
            options.append((_("the search text"), without_text))
        options += [(FACET_LABELS[facet], query.dropping(facet)) for facet in query.active_filters()]
        suggestions = []
        for label, relaxed in options:
            total = supplier_count(relaxed)
            if total:
                suggestions.append({"label": label, "total": total, "url": _url(relaxed)})
        return suggestions
