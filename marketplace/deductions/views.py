"""The pages of legal deductions: in the supplier workspace, the legal statuses a
workshop declares and the labour share of its products; in the buyer area, what the
buyer may deduct from its levy for a year and the signed certificates, for the buyer's
members only (anybody else gets a 404)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from marketplace.core import pdf
from marketplace.organisations.models import Buyer, Supplier
from marketplace.organisations.selectors import organisations_of
from marketplace.workspace.views import WorkspaceMixin

from . import services
from .certificates import certificate_filename, certificate_pdf
from .forms import LabourSharesForm, LegalStatusForm
from .models import LegalStatus, ProductLabourShare
from .rules import RULES
from .selectors import deductions_for, supplier_products, years_offered

# Workspace --------------------------------------------------------------------


class LegalStatusView(WorkspaceMixin, FormView):
    template_name = "deductions/legal_status.html"
    form_class = LegalStatusForm
    section = "claims"

    def form_valid(self, form):
        data = form.cleaned_data
        services.legal_status_declare(
            supplier=self.supplier,
            by=self.request.user,
            status=data["status"],
            registry_reference=data["registry_reference"],
            evidence=data["evidence"],
            valid_until=data["valid_until"],
        )
        messages.success(self.request, _("Your legal status is declared. An operator will verify it."))
        return redirect("deductions_workspace:legal-status", slug=self.supplier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=LegalStatus.objects.filter(supplier=self.supplier).select_related("decided_by"),
            rules=RULES,
            today=timezone.localdate(),
            **kwargs,
        )


class LabourSharesView(WorkspaceMixin, FormView):
    template_name = "deductions/labour_shares.html"
    form_class = LabourSharesForm
    section = "claims"

    def get_form_kwargs(self):
        products = supplier_products(self.supplier)
        shares = dict(ProductLabourShare.objects.filter(product__in=products).values_list("product_id", "percent"))
        return {**super().get_form_kwargs(), "products": products, "shares": shares}

    def form_valid(self, form):
        services.labour_shares_set(shares=form.shares(), by=self.request.user)
        messages.success(self.request, _("The labour shares are saved. Invoices issued from now on carry them."))
        return redirect("deductions_workspace:labour-shares", slug=self.supplier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            has_status=LegalStatus.objects.filter(supplier=self.supplier).exists(), **kwargs
        )


# Buyer area -------------------------------------------------------------------


class BuyerMixin(LoginRequiredMixin):
    """The buyer in the URL, for its members only: anybody else gets a 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.buyer = organisations_of(user=request.user, model=Buyer).filter(slug=kwargs["slug"]).first()
        if self.buyer is None:
            raise Http404(_("Only the members of a buyer organisation see its legal deductions."))
        return super().dispatch(request, *args, **kwargs)

    def year(self) -> int:
        today = timezone.localdate()
        raw = self.kwargs.get("year") or self.request.GET.get("year", "")
        return int(raw) if str(raw).isdigit() and int(raw) in years_offered(today) else today.year


class DeductionsView(BuyerMixin, TemplateView):
    template_name = "deductions/report.html"

    def get_context_data(self, **kwargs):
        year = self.year()
        return super().get_context_data(
            buyer=self.buyer,
            year=year,
            years=years_offered(timezone.localdate()),
            deductions=deductions_for(self.buyer, year),
            **kwargs,
        )


class CertificateView(BuyerMixin, View):
    def get(self, request, slug, year, supplier_slug):
        if int(year) not in years_offered(timezone.localdate()):
            raise Http404(_("No certificate for this year."))
        supplier = get_object_or_404(Supplier, slug=supplier_slug)
        deductions = deductions_for(self.buyer, int(year), supplier=supplier)
        row = deductions.of(supplier)
        if row is None:
            raise Http404(_("No deduction from this supplier in this year."))
        return pdf.download(certificate_pdf(deductions, row), certificate_filename(deductions, row))
