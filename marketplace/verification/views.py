"""The supplier's claims in its workspace, the verification queue of operators and
coordinators, and the evidence downloads. Remit: members, operators and coordinators of
the supplier's networks see its claims; operators and coordinators decide, never on
their own organisation's; anybody else gets a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.workspace.views import WorkspaceMixin

from . import selectors, services
from .evidence import evidence_response
from .forms import DecisionForm, LabelClaimForm, WorkforceClaimForm


class ClaimsView(WorkspaceMixin, TemplateView):
    """/workspace/<slug>/claims/: every claim with its state, forms to declare or renew
    labels and workforce figures (legal statuses on their own page), and the history."""

    template_name = "verification/claims.html"
    section = "claims"

    def forms(self, data=None, files=None):
        workforce = selectors.claims_of(self.supplier)["workforce"]
        initial = (
            {
                "employees": workforce.employees,
                "employees_vulnerable": workforce.employees_vulnerable,
                "as_of": workforce.as_of,
                "registry_reference": workforce.registry_reference,
                "valid_until": workforce.valid_until,
            }
            if workforce
            else {"employees": self.supplier.employees, "employees_vulnerable": self.supplier.employees_vulnerable}
        )
        which = (data or {}).get("claim")
        return {
            "label_form": LabelClaimForm(
                data if which == "label" else None, files if which == "label" else None, prefix="label"
            ),
            "workforce_form": WorkforceClaimForm(
                data if which == "workforce" else None,
                files if which == "workforce" else None,
                prefix="workforce",
                initial=initial,
                has_evidence=bool(workforce and workforce.evidence),
            ),
        }

    def get_context_data(self, **kwargs):
        context = {"claims": selectors.claims_of(self.supplier), "history": selectors.history_of(self.supplier)[:100]}
        return super().get_context_data(**{**self.forms(), **context, "today": timezone.localdate(), **kwargs})

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST, request.FILES)
        which = request.POST.get("claim")
        form = forms.get(f"{which}_form")
        if form is None:
            raise Http404
        if form.is_bound and form.is_valid():
            try:
                self.declare(which, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your claim is sent. An operator or your network will verify it."))
                return redirect("verification_workspace:claims", slug=self.supplier.slug)
        return self.render_to_response(self.get_context_data(**forms))

    def declare(self, which: str, data: dict):
        common = {
            "supplier": self.supplier,
            "by": self.request.user,
            "registry_reference": data["registry_reference"],
            "evidence": data["evidence"],
            "valid_until": data["valid_until"],
        }
        if which == "label":
            services.label_claim_declare(label=data["label"], **common)
        else:
            services.workforce_claim_declare(
                employees=data["employees"],
                employees_vulnerable=data["employees_vulnerable"],
                as_of=data["as_of"],
                **common,
            )


class RemitMixin(LoginRequiredMixin):
    """The claim in the URL, for those who may see its supplier's claims (404 otherwise)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.claim = selectors.claim_get(kind=kwargs["kind"], pk=kwargs["pk"])
        if self.claim is None or not selectors.may_see(request.user, self.claim.supplier):
            raise Http404(_("No claim of yours or in your remit at this address."))
        return super().dispatch(request, *args, **kwargs)


class EvidenceView(RemitMixin, View):
    def get(self, request, *args, **kwargs):
        if not self.claim.evidence:
            raise Http404(_("This claim has no document."))
        return evidence_response(self.claim)


class QueueView(LoginRequiredMixin, TemplateView):
    """/verification/: the pending claims an operator or a coordinator may decide."""

    template_name = "verification/queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(claims=selectors.pending_claims(self.request.user), **kwargs)


class DecideView(RemitMixin, TemplateView):
    template_name = "verification/decide.html"

    def get_context_data(self, **kwargs):
        supplier = self.claim.supplier
        return super().get_context_data(
            claim=self.claim,
            supplier=supplier,
            may_decide=selectors.may_decide(self.request.user, supplier),
            form=kwargs.pop("form", None) or DecisionForm(initial={"valid_until": self.claim.valid_until}),
            history=selectors.history_of(supplier)[:100],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not selectors.may_decide(request.user, self.claim.supplier):
            raise PermissionDenied(_("You may not decide the claims of this organisation."))
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.claim_decide(
                    claim=self.claim,
                    by=request.user,
                    verified=form.cleaned_data["decision"] == "verify",
                    note=form.cleaned_data["note"],
                    valid_until=form.cleaned_data["valid_until"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your decision is recorded; the supplier sees it in its workspace."))
                return redirect("verification:queue")
        return self.render_to_response(self.get_context_data(form=form))
