"""A supplier's quote on a need, and the buyer's side-by-side comparison."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from marketplace.partner.vat import standard_rate

from .. import selectors, services
from ..forms import QuoteForm, QuoteLineForm, QuoteLineFormSet
from ..joint import joint_role
from .access import NeedAccessMixin, error_text
from .needs import NeedActionView


class QuoteEditView(NeedAccessMixin, TemplateView):
    """The invited supplier writes its quote, or changes it until the deadline."""

    roles = ("supplier",)
    template_name = "sourcing/quote_form.html"

    @cached_property
    def quote(self):
        """The supplier's quote so far, or None."""
        return selectors.quote_of(need=self.need, supplier=self.access.supplier)

    def forms(self, data=None, files=None):
        quote = self.quote
        initial, lines = {}, [{"vat_rate": self.default_vat_rate()}]
        if quote is not None:
            initial = {"valid_until": quote.valid_until, "delivery_date": quote.delivery_date, "message": quote.message}
            lines = [{name: getattr(line, name) for name in QuoteLineForm.Meta.fields} for line in quote.lines.all()]
        elif self.need.delivery_date:
            initial = {"delivery_date": self.need.delivery_date}
        return (
            QuoteForm(data=data, files=files, initial=initial, need=self.need),
            QuoteLineFormSet(data=data, initial=lines, prefix="lines"),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            vat_by_kind=selectors.quote_vat_by_kind(self.need, self.access.supplier), **kwargs
        )

    def default_vat_rate(self):
        return standard_rate(self.access.supplier.country.code)

    def get(self, request, *args, **kwargs):
        if not self.need.accepts_quotes:
            messages.info(request, _("This need no longer takes quotes."))
            return redirect(self.need.get_absolute_url())
        if self.quote is not None and self.quote.joint:
            return redirect("sourcing:joint-quote", pk=self.need.pk, quote_pk=self.quote.pk)
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset, quote=self.quote))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST, request.FILES)
        if form.is_valid() and formset.is_valid():
            lines = [data for data in (line_form.data_or_none() for line_form in formset) if data]
            try:
                services.quote_submit(
                    invitation=self.access.invitation,
                    by=request.user,
                    lines=lines,
                    valid_until=form.cleaned_data["valid_until"],
                    delivery_date=form.cleaned_data["delivery_date"],
                    message=form.cleaned_data["message"],
                    attachment=form.cleaned_data["attachment"],
                )
            except ValidationError as error:
                # An error about one of the form's fields is shown next to it.
                on_fields = hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields)
                form.add_error(None, error if on_fields else error_text(error))
            else:
                messages.success(request, _("Your quote is sent. Only the buyer sees it."))
                return redirect(self.need.get_absolute_url())
        context = self.get_context_data(form=form, formset=formset, quote=self.quote)
        return self.render_to_response(context, status=400)


class QuoteWithdrawView(NeedActionView):
    roles = ("supplier",)

    def act(self, request):
        quote = selectors.quote_of(need=self.need, supplier=self.access.supplier)
        if quote is None:
            raise ValidationError(_("You have not quoted on this need."))
        services.quote_withdraw(quote=quote)
        if quote.joint:
            self.success_message = _("The buyer no longer sees the joint quote: it is back in preparation.")
        else:
            self.success_message = _("Your quote is withdrawn.")


class CompareView(NeedAccessMixin, TemplateView):
    """Quotes side by side: totals net and gross, delivery, validity and the
    suppliers' impact. Only the buyer (and operators) see it."""

    roles = ("buyer", "operator")
    template_name = "sourcing/compare.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(quotes=selectors.quotes_for_comparison(self.need), **kwargs)


class QuoteAttachmentView(NeedAccessMixin, TemplateView):
    """A quote's file: for the buyer, operators and the supplier that sent it (with the
    partners taking part in it, for a joint quote), never another supplier."""

    roles = ("buyer", "supplier", "operator", "partner")

    def get(self, request, *args, **kwargs):
        quote = self.need.quotes.select_related("supplier").filter(pk=kwargs["quote_pk"]).first()
        if quote is None or not quote.attachment:
            raise Http404(_("No such file."))
        role = joint_role(user=request.user, quote=quote)
        own = (
            role.takes_part
            if role
            else self.access.supplier is not None and quote.supplier_id == self.access.supplier.pk
        )
        if not (self.access.as_buyer or self.access.as_operator or own):
            raise PermissionDenied(_("Suppliers never see each other's quotes."))
        return FileResponse(quote.attachment.open("rb"), as_attachment=True, filename=quote.attachment_name)
