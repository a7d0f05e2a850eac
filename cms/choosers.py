"""Choosers in the Wagtail admin for the marketplace's own records: editors pick
the real suppliers, buyers and networks a page is about, and can change none of
them (organisations are edited by their members and operators only)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class NameSearchForm(BaseFilterForm):
    """Organisations are not in Wagtail's page index: the chooser searches their
    name and town directly (a few hundred rows at most)."""

    q = forms.CharField(
        label=_("Search term"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Name or town")})
    )

    def filter(self, objects):
        text = self.cleaned_data.get("q", "").strip()
        if text:
            objects = objects.filter(Q(name__icontains=text) | Q(city__icontains=text))
            self.is_searching = True
            self.search_query = text
        return objects


class OrganisationChooseViewMixin:
    filter_form_class = NameSearchForm

    @property
    def columns(self):
        return [
            self.title_column,
            Column("city", label=_("Town")),
            Column("country", label=_("Country"), accessor=lambda obj: obj.country.name),
        ]


class OrganisationChooseView(OrganisationChooseViewMixin, ChooseView):
    pass


class OrganisationChooseResultsView(OrganisationChooseViewMixin, ChooseResultsView):
    pass


class OrganisationChooserViewSet(ChooserViewSet):
    """Organisations listed with their town and country, searchable by name or town."""

    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    per_page = 20


class SupplierChooserViewSet(OrganisationChooserViewSet):
    """Verified social enterprises only: a story links to their public profile."""

    model = "organisations.Supplier"
    icon = "group"
    choose_one_text = _("Choose a social enterprise")
    choose_another_text = _("Choose another social enterprise")

    def get_object_list(self):
        from marketplace.organisations.models import Supplier

        return Supplier.objects.verified().order_by("name")


class BuyerChooserViewSet(OrganisationChooserViewSet):
    model = "organisations.Buyer"
    icon = "site"
    choose_one_text = _("Choose a buyer")
    choose_another_text = _("Choose another buyer")


class NetworkChooserViewSet(ChooserViewSet):
    model = "organisations.Network"
    icon = "globe"
    choose_one_text = _("Choose a network")
    choose_another_text = _("Choose another network")
    per_page = 20


supplier_chooser_viewset = SupplierChooserViewSet("supplier_chooser", url_prefix="choose/suppliers")
buyer_chooser_viewset = BuyerChooserViewSet("buyer_chooser", url_prefix="choose/buyers")
network_chooser_viewset = NetworkChooserViewSet("network_chooser", url_prefix="choose/networks")
