"""Joint quotes, seen by their lead and their partners (never by another supplier):
starting one, inviting partners, answering, pricing one's own lines and sending it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.partner.vat import standard_rate

from .. import joint, selectors
from ..forms import JointAnswerForm, JointInviteForm, JointReadyForm, QuoteForm, QuoteLineForm, QuoteLineFormSet
from .access import NeedAccessMixin, error_text


def terms_of(quote) -> dict:
    return {"valid_until": quote.valid_until, "delivery_date": quote.delivery_date, "message": quote.message}


def form_error_add(form, error: ValidationError) -> None:
    """An error about one of the form's fields is shown next to it, others above the form."""
    on_fields = hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields)
    form.add_error(None, error if on_fields else error_text(error))


class JointQuoteStartView(NeedAccessMixin, TemplateView):
    """The invited supplier gives its terms and becomes the lead of a joint quote."""

    roles = ("supplier",)
    template_name = "sourcing/joint_start.html"

    def get(self, request, *args, **kwargs):
        quote = selectors.quote_of(need=self.need, supplier=self.access.supplier)
        if quote is not None and quote.joint:
            return redirect("sourcing:joint-quote", pk=self.need.pk, quote_pk=quote.pk)
        initial = {"delivery_date": self.need.delivery_date} if self.need.delivery_date else {}
        form = QuoteForm(initial=initial, need=self.need)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = QuoteForm(request.POST, request.FILES, need=self.need)
        if form.is_valid():
            try:
                quote = joint.joint_quote_start(invitation=self.access.invitation, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form_error_add(form, error)
            else:
                messages.success(request, _("Your joint quote is started: invite your partners."))
                return redirect("sourcing:joint-quote", pk=self.need.pk, quote_pk=quote.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class JointQuoteMixin(NeedAccessMixin):
    """The joint quote in the URL, for its lead and its partners only: anyone else gets
    a 404, as for a need they may not see."""

    roles = ("supplier", "partner")

    @cached_property
    def role(self) -> joint.JointRole:
        quote = self.need.quotes.filter(pk=self.kwargs["quote_pk"], joint=True).select_related("supplier").first()
        role = joint.joint_role(user=self.request.user, quote=quote) if quote else None
        if role is None:
            raise Http404(_("No joint quote of yours at this address."))
        return role

    def joint_url(self):
        return redirect("sourcing:joint-quote", pk=self.need.pk, quote_pk=self.role.quote.pk)


class JointQuoteView(JointQuoteMixin, TemplateView):
    """The joint quote: its partners and their state, every supplier's lines with their
    subtotals (for those taking part), and what the viewer can do next. The lead sends
    it from here."""

    template_name = "sourcing/joint_quote.html"

    def get_context_data(self, **kwargs):
        role = self.role
        quote = role.quote
        preparing = quote.status == quote.Status.PREPARING and self.need.accepts_quotes
        partners = joint.joint_partners(quote)
        context = {"role": role, "quote": quote, "partners": partners, "preparing": preparing}
        if role.takes_part:
            context["shares"] = selectors.quote_shares(quote)
        if role.is_lead and preparing:
            context["invite_form"] = JointInviteForm(candidates=joint.joint_invitable(quote))
            context["submit_form"] = kwargs.pop("submit_form", None) or QuoteForm(
                initial=terms_of(quote), need=self.need
            )
            context["waiting"] = [p.supplier.name for p in partners if p.taking_part and not p.lines_ready]
        if not role.is_lead and role.partner.status == role.partner.Status.INVITED and preparing:
            context["answer_form"] = JointAnswerForm()
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        """The lead sends the joint quote to the buyer, with its terms."""
        if not self.role.is_lead:
            return self.joint_url()
        form = QuoteForm(request.POST, request.FILES, need=self.need)
        if form.is_valid():
            try:
                joint.joint_quote_submit(quote=self.role.quote, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form_error_add(form, error)
            else:
                messages.success(request, _("The joint quote is sent. Only the buyer and your partners see it."))
                return self.joint_url()
        return self.render_to_response(self.get_context_data(submit_form=form), status=400)


class JointActionView(JointQuoteMixin, View):
    """A POST on the joint quote, then back to its page with what happened. A GET leads
    to that page (for its lead and partners only, like the page)."""

    def get(self, request, *args, **kwargs):
        return self.joint_url()

    def act(self, request) -> str:
        """Does the action; returns the message of success."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                done = self.act(request)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, done)
        return self.joint_url()


class JointInviteView(JointActionView):
    def act(self, request):
        if not self.role.is_lead:
            raise ValidationError(_("Only the lead of a joint quote invites partners."))
        form = JointInviteForm(request.POST, candidates=joint.joint_invitable(self.role.quote))
        if not form.is_valid():
            raise ValidationError(_("Choose a member of your networks to invite."))
        partner = joint.joint_partner_invite(
            quote=self.role.quote, supplier=form.cleaned_data["supplier"], by=request.user
        )
        return _("%(supplier)s is invited; its administrators are told by e-mail.") % {
            "supplier": partner.supplier.name
        }


class JointAnswerView(JointActionView):
    def act(self, request):
        if self.role.is_lead:
            raise ValidationError(_("The lead does not answer its own invitation."))
        form = JointAnswerForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose whether you take part."))
        partner = joint.joint_partner_respond(partner=self.role.partner, accept=form.cleaned_data["accept"])
        if partner.taking_part:
            return _("You take part: price your lines, then say they are ready.")
        return _("You declined; %(lead)s is told.") % {"lead": self.role.quote.supplier.name}


class JointLinesView(JointQuoteMixin, TemplateView):
    """The lead or a partner taking part prices its own lines, which only it changes."""

    template_name = "sourcing/joint_lines.html"

    def forms(self, data=None):
        role = self.role
        lines = [
            {name: getattr(line, name) for name in QuoteLineForm.Meta.fields} for line in joint.joint_lines_of(role)
        ]
        ready = role.partner.lines_ready if role.partner else False
        return (
            QuoteLineFormSet(
                data=data, initial=lines or [{"vat_rate": standard_rate(role.supplier.country.code)}], prefix="lines"
            ),
            None if role.is_lead else JointReadyForm(data=data, initial={"ready": ready}),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            role=self.role,
            quote=self.role.quote,
            vat_by_kind=selectors.quote_vat_by_kind(self.need, self.role.supplier),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        quote = self.role.quote
        if not (self.role.takes_part and quote.status == quote.Status.PREPARING and self.need.accepts_quotes):
            messages.info(request, _("These lines can no longer be changed."))
            return self.joint_url()
        formset, ready_form = self.forms()
        return self.render_to_response(self.get_context_data(formset=formset, ready_form=ready_form))

    def post(self, request, *args, **kwargs):
        formset, ready_form = self.forms(request.POST)
        if formset.is_valid() and (ready_form is None or ready_form.is_valid()):
            lines = [data for data in (line_form.data_or_none() for line_form in formset) if data]
            ready = bool(ready_form and ready_form.cleaned_data["ready"])
            try:
                joint.joint_lines_save(role=self.role, lines=lines, ready=ready)
            except ValidationError as error:
                context = self.get_context_data(formset=formset, ready_form=ready_form, error=error_text(error))
                return self.render_to_response(context, status=400)
            messages.success(request, _("Your lines are saved."))
            return self.joint_url()
        return self.render_to_response(self.get_context_data(formset=formset, ready_form=ready_form), status=400)
