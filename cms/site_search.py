"""Site-wide search (/search/): stories and news through Wagtail's search, social
enterprises and products through the marketplace's search interface, grouped by
type. Each group shows its best few; stories and news page on /search/ itself,
suppliers and products continue on their own faceted pages."""

import logging
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.interface import PAGE_SIZES, ProductQuery, SupplierQuery, words
from search.selectors import product_search, supplier_search

from .selectors import in_reader_locale, published_articles, published_stories

logger = logging.getLogger(__name__)

GROUP_SIZE = 4  # hits a group shows on the overview
PAGE_SIZE = 10  # stories or news on a page of their own
FALLBACK_BACKEND = "database"  # configured beside Elasticsearch (settings): answers when it cannot

PAGE_GROUPS = {
    "stories": _("Stories of cooperation"),
    "news": _("News"),
}
# Groups answered by the marketplace's search interface: key, title, search, query, its own page, card.
INDEX_GROUPS = [
    ("suppliers", _("Social enterprises"), supplier_search, SupplierQuery, "organisations:supplier-list",
     "includes/supplier_card.html"),
    ("products", _("Goods and services"), product_search, ProductQuery, "search:search",
     "catalogue/includes/product_card.html"),
]  # fmt: skip
GROUP_TITLES = {**PAGE_GROUPS, **{key: title for key, title, *_rest in INDEX_GROUPS}}  # in the order shown


@dataclass
class ResultGroup:
    key: str
    title: str
    total: int
    hits: list
    more_url: str = ""  # where all of the group's results are
    template: str = ""


@dataclass
class SiteSearchResults:
    text: str
    group: str = ""  # "stories" or "news" when only that group is shown, a page at a time
    groups: list = field(default_factory=list)
    page_obj: object = None  # the page of that group

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def everything_query(self) -> str:
        return urlencode({"q": self.text})

    @property
    def group_query(self) -> str:
        return urlencode({"q": self.text, "type": self.group})


def _page_querysets():
    return {"stories": in_reader_locale(published_stories()), "news": in_reader_locale(published_articles())}


def page_search_text(text: str) -> str:
    """What Wagtail's search is given: the words of the text and nothing else.
    Its database backends build an FTS5 (SQLite) or tsquery (PostgreSQL)
    expression from the text, which a stray quote, bracket, `*` or NUL byte
    breaks (a 500); letters and digits are all a search needs. Unlike
    search.interface.words, case and accents are kept: Wagtail's PostgreSQL
    backend does not fold them away in what it indexed."""
    text = unicodedata.normalize("NFC", text)  # a decomposed "é" stays one word
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _search_pages(queryset, text):
    """Wagtail's search on its default backend (Elasticsearch when configured); when
    Elasticsearch fails, the database backend answers and the log says so."""
    text = page_search_text(text)
    if not text:
        return queryset.none()
    try:
        results = queryset.search(text)
        results.count()  # runs the query here, where its failure can be caught
        return results
    except (TransportError, ApiError):
        if FALLBACK_BACKEND not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.warning("Page search failed on the default backend; the database answered.", exc_info=True)
        return queryset.search(text, backend=FALLBACK_BACKEND)


def site_search(*, text: str, group: str = "", page=None) -> SiteSearchResults:
    """`text` was checked by `read_text`. With `group` ("stories" or "news") only that
    group is searched, a page of PAGE_SIZE at a time."""
    group = group if group in PAGE_GROUPS else ""
    results = SiteSearchResults(text=text, group=group)
    if not text:
        return results
    if not words(text):
        # Only punctuation or symbols: nothing to look for, rather than everything.
        results.groups = [_empty_group(key) for key in ([group] if group else GROUP_TITLES)]
        return results
    querysets = _page_querysets()
    if group:
        found = _search_pages(querysets[group], text)
        results.page_obj = Paginator(found, PAGE_SIZE).get_page(page)
        results.groups.append(_page_group(group, found, hits=list(results.page_obj)))
        return results

    for key, queryset in querysets.items():
        found = _search_pages(queryset, text)
        more_url = reverse("site-search") + "?" + urlencode({"q": text, "type": key})
        results.groups.append(_page_group(key, found, hits=list(found[:GROUP_SIZE]), more_url=more_url))
    for key, title, search, query_class, url, template in INDEX_GROUPS:
        found = search(query_class(text=text, page_size=PAGE_SIZES[0]))
        results.groups.append(
            ResultGroup(
                key=key,
                title=title,
                total=found.total,
                hits=found.hits[:GROUP_SIZE],
                more_url=reverse(url) + "?" + urlencode({"q": text}),
                template=template,
            )
        )
    return results


def _empty_group(key) -> ResultGroup:
    return ResultGroup(key=key, title=GROUP_TITLES[key], total=0, hits=[])


def _page_group(key, found, *, hits, more_url="") -> ResultGroup:
    return ResultGroup(
        key=key,
        title=PAGE_GROUPS[key],
        total=found.count(),
        hits=hits,
        more_url=more_url,
        template="cms/includes/page_hit.html",
    )


def read_text(params) -> str:
    """The search text from the URL, checked as the directory checks it (InvalidQuery
    with a message a person can act on)."""
    return SupplierQuery.from_params({"q": params.getlist("q")[-1:]}).text
