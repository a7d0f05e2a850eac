from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import selectors
from .choosers import buyer_chooser_viewset, network_chooser_viewset, supplier_chooser_viewset
from .models import CallToAction


@hooks.register("before_serve_page")
def serve_the_readers_translation(page, request, serve_args, serve_kwargs):
    """An English page reached under another language's prefix (HomePage.route's fallback)
    when that language has a translation at another path (its slug translated): the reader
    goes to the translation, at the same sub-path and query."""
    if not selectors.is_untranslated(page):
        return None
    translated = selectors.reader_translation(page)
    if translated is None:
        return None
    target = translated.get_url(request) + request.path.removeprefix(page.get_url(request))
    if target == request.path:
        return None
    query = request.META.get("QUERY_STRING")
    return redirect(f"{target}?{query}" if query else target)


@hooks.register("register_admin_viewset")
def register_choosers():
    return [supplier_chooser_viewset, buyer_chooser_viewset, network_chooser_viewset]


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "link"
    menu_label = _("Calls to action")
    add_to_admin_menu = True
    list_display = ["title", "button_label", "url"]


register_snippet(CallToActionViewSet)
