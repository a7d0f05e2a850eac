"""Whole pages kept until the next write: public pages for anonymous visitors, and a few pages of signed-in
people for themselves.

Rendering a public page (the home page, the directory, a profile, the catalogue, a story) costs tens of
milliseconds of templates, menus and context processors, though every anonymous visitor gets the same HTML.
The views in PUBLIC_VIEWS are stored once per content version (content_cache: any write renews it), language,
host and full address, query string included, and served from the shared cache to visitors who carry no cookie
but the CSRF and language ones (no session: nobody signed in, no basket, no messages).

A page holds two values of its own request, which must never go to another visitor: the CSRF token of its forms
(the footer's language form) and the nonce of its scripts, which must match the response's Content-Security-Policy
header. They are stored as placeholders and each hit gets fresh ones, so a hit sets the CSRF cookie and the CSP
header as a rendered page does. Responses say `X-Page-Cache: hit` or `miss`.

A signed-in person's purchases, needs and basket (PRIVATE_VIEWS) cost tens of milliseconds too, on every visit.
They are kept per person, session, language and address under the private version, which any write but pure
bookkeeping (sessions, tasks, the search index) renews, `QuerySet.update()` and raw SQL included (content_cache
sees writes where they reach the database): a person never gets another's page, nor one from before a write.
A page is rendered whenever a message waits to be shown."""

import functools
import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language

from marketplace.operations.metrics import PAGE_CACHE

from .content_cache import content_version, private_version

# The views whose pages are the same for every anonymous visitor (module.qualified name).
PUBLIC_VIEWS = {
    "wagtail.views.serve",  # the home page, stories, case studies and editors' pages
    "search.views.SupplierDirectoryView",
    "search.views.CatalogueView",
    "search.views.ProductCategoryView",
    "marketplace.organisations.views.SupplierDetailView",
    "catalogue.views.ProductDetailView",  # no history cookie (catalogue/apps.py)
}
# Pages of signed-in people kept per person and session (their own data: never another's) under the private
# version, which every write but bookkeeping renews (content_cache), for those without a message waiting.
PRIVATE_VIEWS = {
    "marketplace.order.views.PurchaseListView",
    "marketplace.sourcing.views.needs.NeedListView",
    "oscar.apps.basket.views.BasketView",
}
CSRF_PLACEHOLDER = "\x00csrf-token\x00"  # no page contains a NUL character
NONCE_PLACEHOLDER = "\x00csp-nonce\x00"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
HEADER = "X-Page-Cache"


def _view_name(view_func) -> str:
    view = getattr(view_func, "view_class", view_func)
    while isinstance(view, functools.partial):  # django-ninja's documentation and schema views
        view = view.func
    return f"{view.__module__}.{getattr(view, '__qualname__', type(view).__qualname__)}"


def _address(request) -> str:
    # The directory's script asks the same address for its results only (X-Requested-With, in its Vary header).
    return f"{request.headers.get('X-Requested-With', '')} {request.get_host()}{request.get_full_path()}"


def _key(request) -> str:
    return f"page:{content_version()}:{get_language()}:{hashlib.sha256(_address(request).encode()).hexdigest()}"


def _private_key(request) -> str:
    whose = f"{request.user.pk} {request.session.session_key} {_address(request)}"
    return f"page:private:{private_version()}:{get_language()}:{hashlib.sha256(whose.encode()).hexdigest()}"


def _message_waiting(request) -> bool:
    """A message to show (in its cookie or the session): the page must be rendered, which shows it."""
    return bool(request.COOKIES.get(CookieStorage.cookie_name)) or SessionStorage.session_key in request.session


class PageCacheMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return None
        if set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}:
            if request.user.is_authenticated:
                return None
            views, key = PUBLIC_VIEWS, _key
        elif request.user.is_authenticated and not _message_waiting(request):
            views, key = PRIVATE_VIEWS, _private_key
        else:
            return None
        view = _view_name(view_func)  # only for the requests that may be cached: not free on every request
        if view not in views:
            return None
        request.page_cache_key = key(request)
        request.page_cache_view = view
        stored = cache.get(request.page_cache_key)
        if stored is None:
            return None
        content, content_type = stored
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
        if hasattr(request, "csp_nonce"):
            content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce))
        response = HttpResponse(content, content_type=content_type)
        response[HEADER] = "hit"
        PAGE_CACHE.labels(view=request.page_cache_view, result="hit").inc()
        return response

    def process_response(self, request, response):
        key = getattr(request, "page_cache_key", None)
        if key is None or HEADER in response or not self._storable(request, response):
            return response
        content = response.content.decode(response.charset)
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):
            content = content.replace(nonce, NONCE_PLACEHOLDER)
        content = _CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
        cache.set(key, (content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        PAGE_CACHE.labels(view=request.page_cache_view, result="miss").inc()
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        """A page as any anonymous visitor would get it: nothing this request put in a session,
        a cookie or a message, and nothing the view said not to keep."""
        session = getattr(request, "session", None)
        messages = getattr(request, "_messages", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            and not (session is not None and session.modified)
            and not (messages is not None and len(messages))
        )
