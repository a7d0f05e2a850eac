"""A buyer's declared spend: its imports, the upload of a file from its ERP, the review
of doubtful matches and invitations to suppliers not on the platform. For members of
the buyer only: anybody else (operators too, who read imports in the Django admin) gets
a 404."""

import datetime
import hashlib
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from marketplace.core import languages
from marketplace.organisations.models import Buyer
from marketplace.organisations.selectors import organisations_of
from marketplace.organisations.vat_ids import EXAMPLES
from marketplace.sourcing.exports import Table, download

from . import reading, selectors, services
from .forms import DecisionForm, InviteForm, UploadForm
from .models import MatchStatus, SpendImport
from .names import SupplierIndex


def prefix(kind: str, name_key: str) -> str:
    """The same form prefix for a supplier name on every request."""
    return kind + hashlib.sha256(name_key.encode()).hexdigest()[:12]


class BuyerMemberMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.buyer = organisations_of(user=request.user, model=Buyer).filter(slug=kwargs["slug"]).first()
        if self.buyer is None:
            raise Http404(_("Only the members of a buyer organisation see its declared spend."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(buyer=self.buyer, **kwargs)


class ImportListView(BuyerMemberMixin, FormView):
    template_name = "spend/imports.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            imports=selectors.buyer_imports(buyer=self.buyer), columns=reading.COLUMNS, **kwargs
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            spend = services.spend_import(
                buyer=self.buyer, by=self.request.user, filename=upload.name, content=form.content
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
            return self.form_invalid(form)
        messages.success(self.request, _("The file is imported. Check the suppliers marked “to review”."))
        return redirect("spend:import", slug=self.buyer.slug, pk=spend.pk)


class SpendTemplateView(BuyerMemberMixin, View):
    """An empty spend file in the reader's language, with two example rows."""

    def get(self, request, slug, fmt):
        header = [str(label) for label in reading.COLUMNS.values()]
        rows = [
            ["Atelier Vert SARL", EXAMPLES["FR"], Decimal("1234.50"), datetime.date(2026, 3, 31), "Cleaning", "EUR",
             "INV-2026-001"],
            ["Bâti-Réemploi Ettelbruck", "", Decimal("480.00"), datetime.date(2026, 4, 15), "", "", ""],
        ]  # fmt: skip
        return download([Table(title=_("Spend"), header=header, rows=rows)], filename=_("spend-template"), fmt=fmt)


class ImportDetailView(BuyerMemberMixin, TemplateView):
    template_name = "spend/import.html"

    @cached_property
    def spend(self):
        return get_object_or_404(SpendImport, pk=self.kwargs["pk"], buyer=self.buyer)

    def get_context_data(self, posted=None, **kwargs):
        groups = selectors.import_groups(spend=self.spend)
        to_offer = groups[MatchStatus.REVIEW] + groups[MatchStatus.UNMATCHED]
        index = SupplierIndex(selectors.matchable_suppliers().values_list("pk", "name", "vat_id")) if to_offer else None
        names = dict(selectors.matchable_suppliers().values_list("pk", "name")) if to_offer else {}
        for group in to_offer:
            choices = [(pk, names[pk]) for pk in index.closest(group.supplier_name)]
            initial = {"name_key": group.name_key}
            group.decision_form = DecisionForm(choices=choices, initial=initial, prefix=prefix("d", group.name_key))
            group.invite_form = InviteForm(
                initial={**initial, "language": get_language()}, prefix=prefix("i", group.name_key)
            )
            if posted is not None and posted.data.get(f"{posted.prefix}-name_key") == group.name_key:
                setattr(group, "decision_form" if isinstance(posted, DecisionForm) else "invite_form", posted)
        errors = [{**error, "message": reading.PROBLEMS.get(error["problem"], "")} for error in self.spend.errors]
        return super().get_context_data(spend=self.spend, groups=groups, errors=errors, **kwargs)

    def post(self, request, slug, pk):
        prefix = next((key.rsplit("-", 1)[0] for key in request.POST if key.endswith("-action")), "")
        action = request.POST.get(f"{prefix}-action")
        if action == "invite":
            return self.invite(InviteForm(request.POST, prefix=prefix))
        if action == "decide":
            return self.decide(prefix)
        return redirect("spend:import", slug=slug, pk=pk)

    def _group(self, name_key, statuses):
        groups = selectors.import_groups(spend=self.spend)
        return next((g for status in statuses for g in groups[status] if g.name_key == name_key), None)

    def decide(self, prefix):
        name_key = self.request.POST.get(f"{prefix}-name_key", "")
        group = self._group(name_key, (MatchStatus.REVIEW, MatchStatus.UNMATCHED))
        if group is None:
            messages.info(self.request, _("This supplier is matched already."))
            return redirect("spend:import", slug=self.buyer.slug, pk=self.spend.pk)
        index = SupplierIndex(selectors.matchable_suppliers().values_list("pk", "name", "vat_id"))
        offered = selectors.matchable_suppliers().filter(pk__in=index.closest(group.supplier_name))
        form = DecisionForm(self.request.POST, prefix=prefix, choices=[(s.pk, s.name) for s in offered])
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(posted=form), status=400)
        decision = form.cleaned_data["decision"]
        supplier = offered.filter(pk=form.cleaned_data["supplier"]).first() if form.cleaned_data["supplier"] else None
        services.match_decide(spend=self.spend, name_key=name_key, decision=decision, supplier=supplier)
        messages.success(self.request, _("Saved for %(supplier)s.") % {"supplier": group.supplier_name})
        return redirect("spend:import", slug=self.buyer.slug, pk=self.spend.pk)

    def invite(self, form):
        group = self._group(form.data.get(f"{form.prefix}-name_key", ""), (MatchStatus.UNMATCHED,))
        if group is None:
            raise Http404(_("No supplier of this name to invite in this import."))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(posted=form), status=400)
        try:
            services.supplier_invite(
                buyer=self.buyer, by=self.request.user, supplier_name=group.supplier_name,
                email=form.cleaned_data["email"], language=languages.supported(form.cleaned_data["language"]),
            )  # fmt: skip
        except services.AlreadyDone as done:
            messages.info(self.request, str(done))
        else:
            messages.success(self.request, _("The invitation is sent to %(email)s.") % form.cleaned_data)
        return redirect("spend:import", slug=self.buyer.slug, pk=self.spend.pk)


class ImportDeleteView(BuyerMemberMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        spend = get_object_or_404(SpendImport, pk=pk, buyer=self.buyer)
        services.import_delete(spend=spend)
        messages.success(request, _("The import of %(name)s is deleted.") % {"name": spend.filename})
        return redirect("spend:imports", slug=slug)
