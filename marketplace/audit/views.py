"""An organisation's security log, for its administrators: a supplier's in its workspace,
a buyer's beside its page. Anyone outside the organisation gets a 404."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import ListView

from marketplace.organisations.models import Buyer
from marketplace.organisations.selectors import membership_get, organisations_of
from marketplace.workspace.views import WorkspaceMixin

from . import selectors


class OrganisationEventsMixin:
    template_name = ""
    paginate_by = 50
    context_object_name = "events"

    def admin_check(self, organisation):
        if not membership_get(user=self.request.user, organisation=organisation).is_admin:
            raise PermissionDenied(
                _("Only the administrators of %(name)s read its security log.") % {"name": organisation.name}
            )

    def get_queryset(self):
        return selectors.organisation_events(organisation=self.organisation)


class SupplierEventsView(WorkspaceMixin, OrganisationEventsMixin, ListView):
    """/workspace/<slug>/security/"""

    template_name = "audit/supplier_events.html"
    section = "security"

    def get(self, request, *args, **kwargs):
        self.organisation = self.supplier
        self.admin_check(self.supplier)
        return super().get(request, *args, **kwargs)


class BuyerEventsView(LoginRequiredMixin, OrganisationEventsMixin, ListView):
    """/buyers/<slug>/security/"""

    template_name = "audit/buyer_events.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = organisations_of(user=request.user, model=Buyer).filter(slug=kwargs["slug"]).first()
        if self.organisation is None:
            raise Http404(_("This organisation is not yours: only its members open its pages."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.admin_check(self.organisation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)
