"""Shortlists of a buyer organisation, their exports, and the export of directory results."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.order.selectors import buyers_of
from marketplace.organisations.models import Supplier
from search.interface import InvalidQuery, SupplierQuery
from search.selectors import search_ids

from .. import exports, shortlists
from .access import error_text

# An export of directory results stops here: the directory is for finding, not copying.
SEARCH_EXPORT_LIMIT = 1000


class BuyerMemberMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.buyers = list(buyers_of(request.user))
        if not self.buyers:
            raise PermissionDenied(_("Shortlists are for members of a buyer organisation."))
        return super().dispatch(request, *args, **kwargs)


class ShortlistMixin(BuyerMemberMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.shortlist = shortlists.shortlist_get(user=request.user, pk=kwargs["pk"])
            if self.shortlist is None:
                raise Http404(_("No shortlist of yours at this address."))
        return super().dispatch(request, *args, **kwargs)


class ShortlistListView(BuyerMemberMixin, TemplateView):
    """The organisation's shortlists, and a form to start one."""

    template_name = "sourcing/shortlist_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            shortlists=shortlists.shortlists_for(self.request.user), buyers=self.buyers, **kwargs
        )

    def post(self, request):
        buyer = next((b for b in self.buyers if str(b.pk) == request.POST.get("buyer")), self.buyers[0])
        try:
            shortlist = shortlists.shortlist_create(buyer=buyer, name=request.POST.get("name", ""), by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect("sourcing:shortlist-list")
        messages.success(request, _("Shortlist “%(name)s” created.") % {"name": shortlist.name})
        return redirect(shortlist.get_absolute_url())


class ShortlistDetailView(ShortlistMixin, TemplateView):
    template_name = "sourcing/shortlist_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            shortlist=self.shortlist, suppliers=shortlists.shortlist_suppliers(self.shortlist), **kwargs
        )


class ShortlistAddView(BuyerMemberMixin, View):
    """From a supplier's profile: into an existing shortlist or a new one."""

    http_method_names = ["post"]

    def post(self, request):
        supplier = get_object_or_404(Supplier, pk=request.POST.get("supplier"), verified=True)
        try:
            if request.POST.get("shortlist"):
                shortlist = shortlists.shortlist_get(user=request.user, pk=request.POST["shortlist"])
                if shortlist is None:
                    raise Http404(_("No shortlist of yours at this address."))
            else:
                buyer = next((b for b in self.buyers if str(b.pk) == request.POST.get("buyer")), self.buyers[0])
                shortlist = shortlists.shortlist_create(buyer=buyer, name=request.POST.get("name", ""), by=request.user)
            shortlists.shortlist_add(shortlist=shortlist, supplier=supplier, by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("%(supplier)s is in your shortlist “%(name)s”.")
                % {"supplier": supplier.name, "name": shortlist.name},
            )
        return redirect(supplier.get_absolute_url())


class ShortlistRemoveView(ShortlistMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, supplier_pk):
        shortlists.shortlist_remove(shortlist=self.shortlist, supplier_id=supplier_pk)
        messages.success(request, _("Removed from the shortlist."))
        return redirect(self.shortlist.get_absolute_url())


class ShortlistDeleteView(ShortlistMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        name = self.shortlist.name
        shortlists.shortlist_delete(shortlist=self.shortlist)
        messages.success(request, _("Shortlist “%(name)s” deleted.") % {"name": name})
        return redirect("sourcing:shortlist-list")


class ShortlistExportView(ShortlistMixin, View):
    def get(self, request, pk, fmt):
        table = exports.supplier_table(shortlists.shortlist_suppliers(self.shortlist), title=self.shortlist.name)
        return exports.download([table], filename=f"shortlist-{slugify(self.shortlist.name)}", fmt=fmt)


class SearchExportView(LoginRequiredMixin, View):
    """The directory's results (same URL parameters) as a file, at most SEARCH_EXPORT_LIMIT rows,
    for signed-in people (the directory itself is public)."""

    def get(self, request, fmt):
        try:
            query = SupplierQuery.from_params(request.GET).replace(page_size=100)
        except InvalidQuery as error:
            return HttpResponseBadRequest(str(error))
        ids = search_ids(query, limit=SEARCH_EXPORT_LIMIT)
        suppliers = {s.pk: s for s in shortlists.supplier_export_queryset(Supplier.objects.filter(pk__in=ids))}
        table = exports.supplier_table([suppliers[pk] for pk in ids if pk in suppliers], title=_("Suppliers"))
        return exports.download([table], filename="suppliers", fmt=fmt)
