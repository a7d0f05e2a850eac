"""Invoice pages: the PDF download, the list of one's invoices and "mark paid". Every
view reads through payments.selectors, so an invoice the user may not see is a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.core import pdf

from . import selectors, services
from .einvoices import invoice_facturx_pdf, invoice_ubl
from .invoices import invoice_filename
from .models import Invoice

NO_SUCH_INVOICE = _("No invoice of yours has this number.")


def _invoice_or_404(user, pk) -> Invoice:
    invoice = selectors.invoice_for_user(user=user, pk=pk)
    if invoice is None:
        raise Http404(NO_SUCH_INVOICE)
    return invoice


class InvoicePdfView(LoginRequiredMixin, View):
    def get(self, request, pk):
        invoice = _invoice_or_404(request.user, pk)
        return pdf.download(invoice_facturx_pdf(invoice), invoice_filename(invoice, "pdf"))


class InvoiceUblView(LoginRequiredMixin, View):
    """The invoice as UBL (Peppol BIS Billing 3.0), for the buyer's accounts software."""

    def get(self, request, pk):
        invoice = _invoice_or_404(request.user, pk)
        response = HttpResponse(invoice_ubl(invoice), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{invoice_filename(invoice, "xml")}"'
        response["Cache-Control"] = "private, no-store"
        return response


class InvoiceListView(LoginRequiredMixin, TemplateView):
    template_name = "payments/invoice_list.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        page = Paginator(selectors.invoices_for_user(self.request.user), self.paginate_by).get_page(
            self.request.GET.get("page")
        )
        invoices = selectors.invoices_mark_payable(user=self.request.user, invoices=page.object_list)
        return super().get_context_data(invoices=invoices, page_obj=page, **kwargs)


class InvoiceMarkPaidView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        invoice = _invoice_or_404(request.user, pk)
        if not selectors.invoice_payable_by(user=request.user, invoice=invoice):
            # The buyer sees the invoice, but only its supplier can say the money arrived.
            raise PermissionDenied(_("Only the supplier that issued an invoice can mark it paid."))
        was = invoice.status
        invoice = services.invoice_mark_paid(invoice=invoice, by=request.user)
        if was == Invoice.Status.OPEN:
            messages.success(request, _("Invoice %(number)s is marked paid.") % {"number": invoice.number})
        elif invoice.status == Invoice.Status.PAID:
            messages.info(
                request,
                _("Invoice %(number)s was already marked paid on %(date)s.")
                % {"number": invoice.number, "date": invoice.paid_on},
            )
        else:
            messages.error(request, _("Invoice %(number)s is void: it cannot be paid.") % {"number": invoice.number})
        return redirect("payments:invoice-list")
