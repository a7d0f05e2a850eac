"""The buyer organisation's purchases: every member sees the organisation's history
and each supplier part's status."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from marketplace.core import pdf

from .delivery_notes import delivery_note_pdf
from .selectors import (
    buyers_of,
    closing_reasons,
    delivery_note_available,
    part_lines,
    purchase_for_user,
    purchase_part_for_user,
    purchases_for_buyers,
)


class PurchaseListView(LoginRequiredMixin, ListView):
    template_name = "order/purchase_list.html"
    context_object_name = "purchases"
    paginate_by = 20

    def get_queryset(self):
        self.buyers = list(buyers_of(self.request.user))
        return purchases_for_buyers(self.buyers)

    def get_context_data(self, **kwargs):
        return super().get_context_data(buyers=self.buyers, **kwargs)


class PurchaseDetailView(LoginRequiredMixin, DetailView):
    template_name = "order/purchase_detail.html"
    context_object_name = "purchase"

    def get_object(self, queryset=None):
        purchase = purchase_for_user(user=self.request.user, number=self.kwargs["number"])
        if purchase is None:
            raise Http404("No such purchase.")
        return purchase

    def get_context_data(self, **kwargs):
        parts = list(self.object.parts.all())
        reasons = closing_reasons(parts)
        rows = [(part, part_lines(part), reasons.get(part.pk, "")) for part in parts]
        return super().get_context_data(parts=rows, **kwargs)


class PartDeliveryNoteView(LoginRequiredMixin, View):
    """The delivery note of a confirmed part, for the buyer's members (as the invoice)."""

    def get(self, request, number, part_number):
        part = purchase_part_for_user(user=request.user, number=number, part_number=part_number)
        if part is None or not delivery_note_available(part):
            raise Http404(_("No delivery note of yours has this number: a part has one once its supplier confirms it."))
        return pdf.download(delivery_note_pdf(part), f"delivery-note-{part.number}.pdf")
