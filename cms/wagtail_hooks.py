from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choosers import buyer_chooser_viewset, network_chooser_viewset, supplier_chooser_viewset
from .models import CallToAction


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
