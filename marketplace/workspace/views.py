"""The supplier workspace: overview, order parts, products, quotes and money of one
social enterprise, for its members only. Each page reads through workspace.selectors
and acts through the owning apps' services (order parts through part_status_set)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View
from oscar.apps.order.exceptions import InvalidOrderStatus

from marketplace.core import pdf
from marketplace.order.delivery_notes import delivery_note_pdf
from marketplace.order.models import REASON_NOTE, part_status_label
from marketplace.order.selectors import delivery_note_available, part_lines, part_payment_state
from marketplace.organisations import services as organisation_services
from marketplace.organisations.selectors import membership_get
from marketplace.payments.selectors import card_payments_enabled, invoices_mark_payable
from marketplace.sourcing.joint import joint_quotes_of

from . import selectors, services
from .forms import LocationForm, PartStepForm


def not_yours() -> str:
    # Translated per request (a lazy string would not show on the 404 page, which wants a str).
    return _("This workspace is not yours: only the members of a social enterprise open its workspace.")


class WorkspaceHomeView(LoginRequiredMixin, View):
    """/workspace/: straight to the user's only supplier, or a choice between several."""

    def get(self, request):
        suppliers = list(selectors.workspace_suppliers(request.user))
        if not suppliers:
            raise PermissionDenied(
                _("The workspace is for members of a social enterprise. Join yours, or register it, to use it.")
            )
        if len(suppliers) == 1:
            return redirect("workspace:overview", slug=suppliers[0].slug)
        return render(request, "workspace/choose.html", {"suppliers": suppliers})


class WorkspaceMixin(LoginRequiredMixin):
    """The supplier in the URL, for its members; everybody else gets a 404 that says why
    (without telling whether a supplier with that address exists)."""

    section = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.supplier = selectors.workspace_supplier(user=request.user, slug=kwargs["slug"])
        if self.supplier is None:
            raise Http404(not_yours())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(supplier=self.supplier, section=self.section, **kwargs)


class OverviewView(WorkspaceMixin, TemplateView):
    template_name = "workspace/overview.html"
    section = "overview"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            overview=selectors.overview(user=self.request.user, supplier=self.supplier), **kwargs
        )


class PartListView(WorkspaceMixin, ListView):
    template_name = "workspace/part_list.html"
    section = "orders"
    paginate_by = 25
    context_object_name = "parts"

    def get_queryset(self):
        status = self.request.GET.get("status", "")
        # An unknown status in the address lists every part rather than none.
        self.status = status if status in selectors.PART_STATUSES else ""
        return selectors.parts_for_supplier(self.supplier, status=self.status)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = [(part, part_payment_state(part)) for part in ctx["parts"]]
        ctx["statuses"] = selectors.PART_STATUSES
        ctx["status"] = self.status
        ctx["pagination_query"] = urlencode({"status": self.status}) if self.status else ""
        return ctx


class PartMixin(WorkspaceMixin):
    def get_part(self):
        part = selectors.part_for_supplier(supplier=self.supplier, number=self.kwargs["number"])
        if part is None:
            raise Http404(_("%(supplier)s has no order part with this number.") % {"supplier": self.supplier.name})
        return part


class PartDetailView(PartMixin, TemplateView):
    template_name = "workspace/part_detail.html"
    section = "orders"

    def get_context_data(self, **kwargs):
        part = self.get_part()
        changes, notes = selectors.part_history(part)
        steps = selectors.part_steps(part)
        closing = selectors.closing_step(part, steps)
        return super().get_context_data(
            part=part,
            purchase=part.purchase,
            lines=part_lines(part),
            payment=part_payment_state(part) if part.purchase_id else None,
            invoice=part.invoice_or_none,
            delivery_note=delivery_note_available(part),
            steps=steps,
            closing_steps=selectors.CLOSING_STEPS,
            closing=closing,
            form=PartStepForm(closing=closing.status) if closing else None,
            status_changes=changes,
            notes=notes,
            reason_note=REASON_NOTE,
            **kwargs,
        )


class PartStepView(PartMixin, View):
    """The buttons of a part's page. Every refusal is a message on the part's page."""

    http_method_names = ["post"]

    def post(self, request, slug, number):
        part = self.get_part()
        back = redirect("workspace:part-detail", slug=slug, number=part.number)
        form = PartStepForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("This step is not one you can take on an order part."))
            return back
        status = form.cleaned_data["status"]
        try:
            part = services.part_step(part=part, status=status, by=request.user, reason=form.cleaned_data["reason"])
        except InvalidOrderStatus as error:
            messages.error(request, str(error))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Order part %(number)s is now “%(status)s”.")
                % {"number": part.number, "status": part_status_label(part.status)},
            )
        return back


class PartDeliveryNoteView(PartMixin, View):
    """The delivery note of a confirmed part, as a PDF to print and put in the parcel."""

    def get(self, request, slug, number):
        part = self.get_part()
        if not delivery_note_available(part):
            raise Http404(_("An order part has a delivery note once you confirm it."))
        return pdf.download(delivery_note_pdf(part), f"delivery-note-{part.number}.pdf")


class ProductListView(WorkspaceMixin, ListView):
    template_name = "workspace/product_list.html"
    section = "products"
    paginate_by = 50
    context_object_name = "products"

    def get_queryset(self):
        return selectors.products_for_supplier(self.supplier)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = selectors.product_rows(ctx["products"])
        return ctx


class QuotesView(WorkspaceMixin, TemplateView):
    template_name = "workspace/quotes.html"
    section = "quotes"
    shown = 20

    def get_context_data(self, **kwargs):
        invitations = selectors.supplier_invitations(self.supplier)
        page = Paginator(invitations, self.shown).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            invitations=page.object_list,
            page_obj=page,
            quotes=selectors.supplier_quotes(self.supplier)[: self.shown],
            joint_quotes=joint_quotes_of(self.supplier, limit=self.shown),
            threads=selectors.supplier_threads(user=self.request.user, supplier=self.supplier)[: self.shown],
            **kwargs,
        )


class MoneyView(WorkspaceMixin, TemplateView):
    template_name = "workspace/money.html"
    section = "money"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        invoices = selectors.supplier_invoices(user=self.request.user, supplier=self.supplier)
        page = Paginator(invoices, self.paginate_by).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            invoices=invoices_mark_payable(user=self.request.user, invoices=page.object_list),
            page_obj=page,
            totals=selectors.invoice_totals(invoices),
            stripe_account=selectors.stripe_account(self.supplier),
            card_payments_enabled=card_payments_enabled(),
            transfers=selectors.supplier_transfers(self.supplier)[:20],
            **kwargs,
        )


class LocationView(WorkspaceMixin, FormView):
    """Where the supplier shows on the maps and the distance filter: placed on a map, typed as
    coordinates, or found from its address. Every member sees it; administrators change it."""

    template_name = "workspace/location.html"
    form_class = LocationForm
    section = "location"

    def get_initial(self):
        if not self.supplier.has_location:
            return {}
        return {"latitude": self.supplier.latitude, "longitude": self.supplier.longitude}

    def is_admin(self) -> bool:
        membership = membership_get(user=self.request.user, organisation=self.supplier)
        return membership is not None and membership.is_admin

    def post(self, request, *args, **kwargs):
        if not self.is_admin():
            raise PermissionDenied(_("Only the administrators of %(name)s can move it.") % {"name": self.supplier.name})
        if "from_address" in request.POST:
            if organisation_services.supplier_location_from_address(supplier=self.supplier):
                messages.success(request, _("Your location was found from your address. Check it on the map."))
            else:
                messages.error(
                    request,
                    _(
                        "Your address could not be placed on the map: place yourself by a click on the map, "
                        "or type your latitude and longitude."
                    ),
                )
            return redirect("workspace:location", slug=self.supplier.slug)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        organisation_services.supplier_location_place(
            supplier=self.supplier, latitude=form.cleaned_data["latitude"], longitude=form.cleaned_data["longitude"]
        )
        messages.success(self.request, _("Your location is saved: buyers find you by distance from it."))
        return redirect("workspace:location", slug=self.supplier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_edit=self.is_admin(), **kwargs)
