"""Needs, seen by their buyer, by invited suppliers and by operators."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, ListView, TemplateView, View

from marketplace.order.models import Purchase
from marketplace.order.selectors import buyers_of
from marketplace.organisations.models import Region, Sector

from .. import selectors, services
from ..forms import AnswerForm, AwardForm, CancelForm, NeedForm, QuestionForm, RespondForm
from ..models import Need
from .access import NeedAccessMixin, error_text


class NeedListView(LoginRequiredMixin, ListView):
    """The needs of the user's buyer organisations. A supplier member's needs page is
    its invitations."""

    template_name = "sourcing/need_list.html"
    context_object_name = "needs"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.buyers = list(buyers_of(request.user))
        if not self.buyers and selectors.suppliers_of(request.user).exists():
            return redirect("sourcing:invitation-list")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.needs_for_buyers(self.buyers)

    def get_context_data(self, **kwargs):
        return super().get_context_data(buyers=self.buyers, **kwargs)


class NeedFormMixin(LoginRequiredMixin):
    template_name = "sourcing/need_form.html"
    form_class = NeedForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.buyers = buyers_of(request.user)
        if not self.buyers.exists():
            raise PermissionDenied(_("Only members of a buyer organisation can post needs."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "buyers": self.buyers}

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            need = self.save(form)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your need is saved as a draft. Check it, then publish it."))
        return redirect(need.get_absolute_url())


class NeedCreateView(NeedFormMixin, FormView):
    def save(self, form):
        return services.need_create(
            need=form.instance,
            sectors=form.cleaned_data["sectors"],
            by=self.request.user,
            attachments=form.cleaned_data["attachments"],
        )


class NeedEditView(NeedAccessMixin, NeedFormMixin, FormView):
    roles = ("buyer",)

    def get_form_kwargs(self):
        if not self.need.is_draft:
            raise PermissionDenied(_("Only a draft can be changed."))
        return {**super().get_form_kwargs(), "instance": self.need}

    def save(self, form):
        return services.need_update(
            need=form.instance, sectors=form.cleaned_data["sectors"], attachments=form.cleaned_data["attachments"]
        )


class MatchCountView(LoginRequiredMixin, View):
    """How many verified suppliers a need would reach, while the buyer types."""

    def get(self, request):
        sector_ids = [value for value in request.GET.getlist("sectors") if value.isdigit()][:50]
        country = request.GET.get("country", "")[:2].upper()
        region_id = request.GET.get("region", "")
        region = Region.objects.filter(pk=region_id, country=country).first() if region_id.isdigit() else None
        sectors = list(Sector.objects.filter(pk__in=sector_ids))
        buyer_id = request.GET.get("buyer", "")
        buyer = buyers_of(request.user).filter(pk=buyer_id).first() if buyer_id.isdigit() else None
        # A reserved contract is open to those eligible under the buyer's country's law.
        reserved_in = buyer.country.code if buyer and request.GET.get("reserved_contract") else None
        count = (
            selectors.suppliers_matching_count(sectors=sectors, country=country, region=region, reserved_in=reserved_in)
            if sectors and country
            else None
        )
        if count is None:
            text = _("Choose sectors and a country to see how many verified suppliers can answer.")
        else:
            text = ngettext(
                "%(count)d verified supplier works in these sectors and serves this place.",
                "%(count)d verified suppliers work in these sectors and serve this place.",
                count,
            ) % {"count": count}
        return JsonResponse({"count": count, "text": text})


class NeedDetailView(NeedAccessMixin, TemplateView):
    template_name = "sourcing/need_detail.html"

    def get(self, request, *args, **kwargs):
        if self.access.invitation and not self.access.as_buyer:
            services.invitation_viewed(invitation=self.access.invitation)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        access, need = self.access, self.need
        context = {"questions": selectors.questions_for(access)}
        if access.as_buyer or access.as_operator:
            context["invitations"] = selectors.need_invitations(need)
            context["answer_form"] = AnswerForm()
            context["cancel_form"] = CancelForm()
            context["award"] = getattr(need, "award", None) if need.status == Need.Status.AWARDED else None
        if access.invitation:
            quote = selectors.quote_of(need=need, supplier=access.supplier)
            context.update(
                quote=quote,
                joint_quote=selectors.joint_quote_of(need=need, supplier=access.supplier),
                quote_lines=selectors.quote_lines(quote),
                respond_form=RespondForm(),
                question_form=QuestionForm(),
            )
        return super().get_context_data(**context, **kwargs)


class NeedActionView(NeedAccessMixin, View):
    """A POST that moves the need or answers on it, then back to the need's page."""

    http_method_names = ["post"]
    success_message = ""

    def act(self, request):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                self.act(request)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            if self.success_message:
                messages.success(request, self.success_message)
        return redirect(self.need.get_absolute_url())


class NeedPublishView(NeedActionView):
    roles = ("buyer",)

    def act(self, request):
        need = services.need_publish(need=self.need, by=request.user)
        count = need.invitations.count()
        self.success_message = ngettext(
            "Published: the need is being sent to %(count)d verified supplier.",
            "Published: the need is being sent to %(count)d verified suppliers.",
            count,
        ) % {"count": count}


class NeedCloseView(NeedActionView):
    roles = ("buyer",)

    def act(self, request):
        services.need_close(need=self.need)
        self.success_message = _("The need is closed to quotes: compare them and award one.")


class NeedCancelView(NeedActionView):
    """The buyer cancels; an operator withdraws (moderation, with a reason)."""

    roles = ("buyer", "operator")

    def act(self, request):
        form = CancelForm(request.POST)
        form.is_valid()
        services.need_cancel(need=self.need, by=request.user, reason=form.cleaned_data.get("reason", ""))
        self.success_message = _("The need is cancelled; the invited suppliers are told.")


class InvitationRespondView(NeedActionView):
    roles = ("supplier",)

    def act(self, request):
        form = RespondForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose whether you are interested."))
        services.invitation_respond(
            invitation=self.access.invitation,
            interested=form.cleaned_data["interested"],
            reason=form.cleaned_data["reason"],
        )
        self.success_message = _("Thank you: the buyer sees your answer.")


class QuestionAskView(NeedActionView):
    roles = ("supplier",)

    def act(self, request):
        form = QuestionForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Write your question (at most 2,000 characters)."))
        services.question_ask(invitation=self.access.invitation, by=request.user, text=form.cleaned_data["text"])
        self.success_message = _("Your question is sent. The answer will be shown to every invited supplier.")


class QuestionAnswerView(NeedActionView):
    roles = ("buyer",)

    def act(self, request):
        question = get_object_or_404(self.need.questions, pk=self.kwargs["question_pk"])
        form = AnswerForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Write your answer (at most 4,000 characters)."))
        services.question_answer(question=question, by=request.user, answer=form.cleaned_data["answer"])
        self.success_message = _("Your answer is shown to every invited supplier.")


class AttachmentView(NeedAccessMixin, View):
    """A file of the need, for its buyer, invited suppliers, partners in a joint quote on
    it and operators."""

    roles = ("buyer", "supplier", "operator", "partner")

    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(self.need.attachments, pk=kwargs["attachment_pk"])
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


class AwardView(NeedAccessMixin, FormView):
    """The buyer confirms billing and delivery of the order the award places."""

    roles = ("buyer",)
    template_name = "sourcing/award.html"
    form_class = AwardForm

    def get_quote(self):
        quote = (
            self.need.quotes.select_related("supplier")
            .prefetch_related("lines__supplier")
            .filter(pk=self.kwargs["quote_pk"])
            .first()
        )
        if quote is None:
            raise Http404(_("No such quote on this need."))
        return quote

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "need": self.need}

    def get_initial(self):
        buyer = self.need.buyer
        previous = Purchase.objects.filter(buyer=buyer).order_by("-created_at").first()
        initial = AwardForm.initial_for(buyer, previous)
        initial.update(wished_date=self.need.delivery_date, delivery_city=self.need.city or initial["delivery_city"])
        return initial

    def get_context_data(self, **kwargs):
        quote = self.get_quote()
        return super().get_context_data(quote=quote, shares=selectors.quote_shares(quote), **kwargs)

    def form_valid(self, form):
        quote = self.get_quote()
        try:
            award = services.need_award(need=self.need, quote=quote, by=self.request.user, details=form.details())
        except ValidationError as error:
            messages.error(self.request, error_text(error))
            return redirect(self.need.get_absolute_url())
        if award.quote.joint:
            text = _(
                "Awarded to the joint quote of %(supplier)s: purchase %(number)s is placed with one order part per "
                "supplier, paid by invoice. The other suppliers are told."
            )
            number = award.purchase.number
        else:
            text = _(
                "Awarded to %(supplier)s: order %(number)s is placed, paid by invoice. The other suppliers are told."
            )
            number = award.purchase.parts.get().number
        messages.success(self.request, text % {"supplier": award.quote.supplier.name, "number": number})
        return redirect(award.purchase.get_absolute_url())


class InvitationListView(LoginRequiredMixin, ListView):
    """A supplier's invitations to quote and its quotes (linked from its workspace)."""

    template_name = "sourcing/invitation_list.html"
    context_object_name = "invitations"
    paginate_by = 30

    def get_queryset(self):
        self.suppliers = list(selectors.suppliers_of(self.request.user))
        if not self.suppliers:
            raise PermissionDenied(_("Invitations to quote are for members of a social enterprise."))
        return selectors.invitations_for_suppliers(self.suppliers)


class ModerationView(LoginRequiredMixin, UserPassesTestMixin, ListView):
    """Operators see every need and withdraw those that break the rules."""

    template_name = "sourcing/moderation.html"
    context_object_name = "needs"
    paginate_by = 50

    def test_func(self):
        return self.request.user.is_staff

    def get_queryset(self):
        needs = selectors.needs_for_moderation()
        status = self.request.GET.get("status")
        if status in Need.Status.values:
            needs = needs.filter(status=status)
        return needs

    def get_context_data(self, **kwargs):
        return super().get_context_data(statuses=Need.Status.choices, **kwargs)
