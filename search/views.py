"""Search pages, all on the search interface: the supplier directory
(/suppliers/) and the shop's catalogue, category and search pages (Oscar's
URLs, /shop/…), which Oscar serves through haystack (see ARCHITECTURE.md).
Every state is in the URL; with JavaScript, directory.js swaps in the results
fragment."""

from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace.core.replica import replica_view
from marketplace.organisations.selectors import map_data

from .geo import RADII_KM
from .interface import InvalidQuery, ProductQuery, SupplierQuery
from .selectors import (
    facet_vocabulary,
    gazetteer,
    product_facet_vocabulary,
    product_search,
    search_count,
    supplier_map,
    supplier_search,
    unknown_values,
)

Category = get_model("catalogue", "Category")


@replica_view
class SearchPageView(TemplateView):
    """A faceted search page: the query from the URL, results, facets with
    counts, removable chips, sort, pages and, on an empty page, which filter
    to drop. Subclasses say which index they search."""

    query_class = SupplierQuery
    fragment_template_name = "search/includes/directory_results.html"
    result_template_name = ""
    noun = ""

    def search(self, query, vocabulary):
        raise NotImplementedError

    def vocabulary(self):
        raise NotImplementedError

    def action_url(self) -> str:
        """Where the search form and every link go."""
        return self.request.path

    def url(self, query) -> str:
        """A link to the query: relative ("?…") on the page that searches itself."""
        params = "?" + urlencode(query.to_params())
        action = self.action_url()
        return params if action == self.request.path else action + params.rstrip("?")

    def render_to_response(self, context, **kwargs):
        # The fragment and the whole page share a URL: caches must tell them apart.
        response = super().render_to_response(context, **kwargs)
        patch_vary_headers(response, ["X-Requested-With"])
        return response

    def get_template_names(self):
        if self.request.headers.get("X-Requested-With") == "directory":
            return [self.fragment_template_name]
        return [self.template_name]

    def read_query(self, request):
        return self.query_class.from_params(request.GET)

    def get(self, request, *args, **kwargs):
        try:
            query = self.read_query(request)
        except InvalidQuery as error:
            context = self.get_context_data(error=str(error), query=self.query_class(), **self.page_context())
            return self.render_to_response(context, status=400)
        vocabulary = self.vocabulary()
        notices = []
        unknown = unknown_values(query, vocabulary)
        labels = query.facet_labels()
        for facet, value in unknown:
            # A stale or mistyped link still shows a page: drop what we do not know and say so.
            query = query.dropping(facet, [value]).replace(page=query.page)
            notices.append(
                _("We ignored “%(value)s”: it is not a known %(facet)s.")
                % {"value": value, "facet": str(labels[facet]).lower()}
            )
        results = self.search(query, vocabulary)
        if query.page > results.num_pages and results.total:
            notices.append(
                _("There is no page %(page)d: the results end at page %(last)d.")
                % {"page": query.page, "last": results.num_pages}
            )
        results.notices = notices
        context = self.get_context_data(**self.page_context(), **self.directory_context(results))
        return self.render_to_response(context)

    def page_context(self) -> dict:
        return {
            "action_url": self.action_url(),
            "result_template_name": self.result_template_name,
            "noun": self.noun,
        }

    def directory_context(self, results):
        query = results.query
        labels = query.facet_labels()
        facets = []
        for facet in query.facet_names():
            options = results.facets[facet]
            for option in options:
                option.url = self.url(query.toggled(facet, option.value))
            facets.append({"name": facet, "label": labels[facet], "options": options})
        chips = [
            {"label": option.label, "facet": labels[facet["name"]], "url": option.url}
            for facet in facets
            for option in facet["options"]
            if option.selected
        ]
        chips = self.extra_chips(query) + chips
        if query.text:
            chips.insert(
                0, {"label": f"“{query.text}”", "facet": _("Text"), "url": self.url(query.replace(text="", page=1))}
            )
        return {
            "results": results,
            "query": query,
            "facets": facets,
            "chips": chips,
            "clear_url": self.url(query.cleared()),
            "sorts": query.sorts.items(),
            "previous_url": self.url(query.replace(page=query.page - 1)) if results.has_previous else "",
            "next_url": self.url(query.replace(page=query.page + 1)) if results.has_next else "",
            "last_url": self.url(query.replace(page=results.num_pages)),
            "suggestions": self.suggestions(results) if not results.total else [],
        }

    def extra_chips(self, query) -> list:
        return []

    def relaxations(self, query) -> list:
        """(what is dropped, the query without it): the single changes an empty page suggests."""
        options = []
        if query.text:
            options.append((_("the search text"), query.replace(text="", page=1)))
        labels = query.facet_labels()
        options += [(labels[facet], query.dropping(facet)) for facet in query.active_filters()]
        return options

    def suggestions(self, results):
        """On an empty page: how many results each single filter is hiding."""
        suggestions = []
        for label, relaxed in self.relaxations(results.query):
            total = search_count(relaxed)
            if total:
                suggestions.append({"label": label, "total": total, "url": self.url(relaxed)})
        return suggestions


class SupplierDirectoryView(SearchPageView):
    """/suppliers/: faceted search over verified suppliers, with a distance filter."""

    template_name = "search/supplier_directory.html"
    result_template_name = "includes/supplier_card.html"
    noun = "suppliers"
    view_mode = "list"

    def search(self, query, vocabulary):
        return supplier_search(query, vocabulary=vocabulary)

    def vocabulary(self):
        return facet_vocabulary()

    def page_context(self):
        return {**super().page_context(), "towns": gazetteer(), "radii": RADII_KM, "view_mode": self.view_mode}

    def directory_context(self, results):
        params = urlencode(results.query.to_params())
        return {
            **super().directory_context(results),
            "list_url": f"{reverse('organisations:supplier-list')}?{params}".rstrip("?"),
            "map_url": f"{reverse('organisations:supplier-map')}?{params}".rstrip("?"),
        }

    def extra_chips(self, query):
        if query.near is None:
            return []
        label = _("within %(km)d km of %(place)s") % {"km": query.near.km, "place": query.near.place}
        return [{"label": label, "facet": _("Distance"), "url": self.url(query.without_distance())}]

    def relaxations(self, query):
        options = super().relaxations(query)
        if query.near is not None:
            options.append((_("the distance"), query.without_distance()))
        return options


class SupplierMapView(SupplierDirectoryView):
    """/suppliers/map/: the same search on a map, its list beside it as the text alternative.
    The markers are every hit's (not only the page's), as the JSON endpoint gives them."""

    template_name = "search/supplier_map.html"
    view_mode = "map"

    def directory_context(self, results):
        _total, markers = supplier_map(results.query)
        return {**super().directory_context(results), "markers": map_data(markers)}


class CatalogueView(SearchPageView):
    """/shop/catalogue/: every product for sale, with the product facets.
    Only products of verified suppliers are listed (the index holds no other)."""

    query_class = ProductQuery
    template_name = "oscar/catalogue/browse.html"
    result_template_name = "catalogue/includes/product_card.html"
    noun = "products"
    heading = gettext_lazy("All products and services")

    def search(self, query, vocabulary):
        return product_search(query, vocabulary=vocabulary)

    def vocabulary(self):
        return product_facet_vocabulary()

    def page_context(self):
        return {**super().page_context(), "summary": self.heading}

    def extra_chips(self, query):
        chips = []
        if query.price_min is not None or query.price_max is not None:
            chips.append(
                {
                    "label": _price_range_label(query.price_min, query.price_max),
                    "facet": _("Price excl. VAT"),
                    "url": self.url(query.without_prices()),
                }
            )
        return chips

    def relaxations(self, query):
        options = super().relaxations(query)
        if query.price_min is not None or query.price_max is not None:
            options.append((_("the price range"), query.without_prices()))
        return options


class FacetedSearchView(CatalogueView):
    """/shop/search/?q=…: the same page, as a search."""

    template_name = "oscar/search/results.html"
    heading = gettext_lazy("Search products and services")


class ProductCategoryView(CatalogueView):
    """/shop/catalogue/category/<slug>_<pk>/: the products of a category and
    its sub-categories. Its filters, sort and pages link to the search page
    (with the category selected), so every facet can be changed there."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category.objects.browsable(), pk=kwargs["pk"])
        if request.path != self.category.get_absolute_url():
            # Categories are found by id; an old slug redirects to the current one.
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        self.category_value = self.category.full_slug  # its value in the category facet
        return super().get(request, *args, **kwargs)

    def read_query(self, request):
        query = super().read_query(request)
        if self.category_value not in query.filters.get("category", ()):
            query = query.replace(filters={**query.filters, "category": (self.category_value,)})
        return query

    def action_url(self):
        return reverse("search:search")

    def page_context(self):
        return {**super().page_context(), "category": self.category, "summary": self.category.name}


def _price_range_label(low, high) -> str:
    if low is not None and high is not None:
        return _("€%(low)s to €%(high)s") % {"low": low, "high": high}
    if low is not None:
        return _("from €%(low)s") % {"low": low}
    return _("up to €%(high)s") % {"high": high}
