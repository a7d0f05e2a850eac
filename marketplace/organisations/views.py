from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView, View

from cms.selectors import case_studies_featuring
from marketplace.accounts import services as account_services
from marketplace.accounts.forms import SignUpForm
from marketplace.accounts.views import AUTH_BACKEND, safe_next_url
from marketplace.core.replica import replica_view
from marketplace.networks import selectors as network_selectors
from marketplace.verification import selectors as verification_selectors

from . import selectors, services
from .forms import (
    BuyerForm,
    BuyerRegistrationForm,
    InviteColleagueForm,
    MemberRoleForm,
    SupplierForm,
    SupplierRegistrationForm,
)
from .models import Buyer, Invitation, Membership, Network, Supplier

User = get_user_model()
SUPPLIER_RELATIONS = ("sectors", "impact_areas", "labels", "served_regions", "served_countries")


# Public pages ---------------------------------------------------------------


@replica_view
class SupplierDetailView(DetailView):
    template_name = "organisations/supplier_detail.html"
    context_object_name = "supplier"

    def get_object(self, queryset=None):
        try:
            return selectors.supplier_get_profile(slug=self.kwargs["slug"], user=self.request.user)
        except Supplier.DoesNotExist:
            raise Http404(_("No social enterprise is published at this address.")) from None

    def get_context_data(self, **kwargs):
        supplier = self.object
        return super().get_context_data(
            products=list(selectors.supplier_products(supplier=supplier)),
            case_studies=list(case_studies_featuring(supplier=supplier)),
            signed_charters=network_selectors.signed_charters(supplier),
            claims=verification_selectors.profile_claims(supplier, timezone.localdate()),
            membership=selectors.membership_get(user=self.request.user, organisation=supplier),
            markers=selectors.map_data([selectors.supplier_marker(supplier)]),
            **kwargs,
        )


class NetworkListView(ListView):
    template_name = "organisations/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return selectors.network_list()


@replica_view
class NetworkDetailView(DetailView):
    template_name = "organisations/network_detail.html"
    context_object_name = "network"

    def get_object(self, queryset=None):
        try:
            return selectors.network_get(slug=self.kwargs["slug"])
        except Network.DoesNotExist:
            raise Http404(_("No network is published at this address.")) from None

    def get_context_data(self, **kwargs):
        network = self.object
        memberships = network.verified_memberships
        states = network_selectors.charter_states(network, [nm.supplier_id for nm in memberships])
        for nm in memberships:
            nm.charter = states[nm.supplier_id]
        members = [selectors.supplier_marker(nm.supplier) for nm in memberships]
        return super().get_context_data(
            charter_version=network_selectors.current_version(network), markers=selectors.map_data(members), **kwargs
        )


# Members' pages -------------------------------------------------------------


class OrganisationMemberMixin(LoginRequiredMixin):
    """Only members of the organisation in the URL get in; others get 403.
    Set `admin_required` for what only its administrators may do."""

    organisation_model = Supplier
    admin_required = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_object_or_404(self.organisation_model, slug=kwargs["slug"])
        self.membership = selectors.membership_get(user=request.user, organisation=self.organisation)
        if self.membership is None or (self.admin_required and not self.membership.is_admin):
            raise PermissionDenied(_("Only members of %(name)s can do this.") % {"name": self.organisation.name})
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, membership=self.membership, **kwargs)


class SupplierEditView(OrganisationMemberMixin, FormView):
    template_name = "organisations/organisation_form.html"
    form_class = SupplierForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organisation}

    def form_valid(self, form):
        relations = {name: form.cleaned_data[name] for name in SUPPLIER_RELATIONS if name in form.cleaned_data}
        services.supplier_update(supplier=form.instance, **relations)
        messages.success(self.request, _("Your profile has been saved."))
        return redirect(self.organisation.get_absolute_url())


class BuyerDetailView(OrganisationMemberMixin, TemplateView):
    organisation_model = Buyer
    template_name = "organisations/buyer_detail.html"


class BuyerEditView(OrganisationMemberMixin, FormView):
    organisation_model = Buyer
    template_name = "organisations/organisation_form.html"
    form_class = BuyerForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organisation}

    def form_valid(self, form):
        services.buyer_update(buyer=form.instance)
        messages.success(self.request, _("Your organisation's details have been saved."))
        return redirect(self.organisation.get_absolute_url())


class MembersView(OrganisationMemberMixin, FormView):
    """Everyone in the organisation sees who else is in it; administrators
    also invite colleagues here."""

    template_name = "organisations/members.html"
    form_class = InviteColleagueForm

    def post(self, request, *args, **kwargs):
        if not self.membership.is_admin:
            raise PermissionDenied(_("Only administrators can add colleagues."))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            result = services.colleague_invite(
                organisation=self.organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
            return self.form_invalid(form)
        if isinstance(result, Membership):
            messages.success(
                self.request,
                _("%(email)s has joined %(name)s.") % {"email": result.user.email, "name": self.organisation.name},
            )
        else:
            messages.success(self.request, _("We have sent an invitation to %(email)s.") % {"email": result.email})
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=selectors.organisation_members(organisation=self.organisation),
            invitations=self.organisation.invitations.filter(accepted_at=None),
            role_form=MemberRoleForm(),
            **kwargs,
        )


class MemberChangeView(OrganisationMemberMixin, View):
    """Administrators change a colleague's role or remove them; any member may
    leave (POST only)."""

    http_method_names = ["post"]
    actions = {"role", "remove"}

    def post(self, request, slug, pk, action):
        if action not in self.actions:
            raise Http404
        target = get_object_or_404(Membership, pk=pk, organisation=self.organisation)
        leaving = action == "remove" and target == self.membership
        if not (self.membership.is_admin or leaving):
            raise PermissionDenied(_("Only administrators can change colleagues' roles."))
        try:
            if action == "remove":
                services.membership_remove(membership=target)
                messages.success(
                    request,
                    _("%(email)s no longer belongs to %(name)s.")
                    % {"email": target.user.email, "name": self.organisation.name},
                )
                if leaving:
                    return redirect("accounts:home")
            else:
                form = MemberRoleForm(request.POST)
                if form.is_valid():
                    services.membership_set_role(membership=target, role=form.cleaned_data["role"])
                    messages.success(
                        request,
                        _("%(email)s is now %(role)s.")
                        % {"email": target.user.email, "role": target.get_role_display().lower()},
                    )
                else:
                    messages.error(request, _("Choose a role from the list."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse(f"organisations:{self.organisation.kind}-members", kwargs={"slug": slug}))


# Onboarding -----------------------------------------------------------------


class JoinView(TemplateView):
    template_name = "organisations/join.html"


class RegisterOrganisationView(TemplateView):
    """One page that creates the account (for visitors) and the organisation,
    and makes the person its administrator."""

    template_name = "organisations/register.html"
    organisation_form_class = None
    heading = ""

    def get_forms(self, data=None, files=None):
        forms = {"organisation_form": self.organisation_form_class(data=data, files=files, prefix="org")}
        if not self.request.user.is_authenticated:
            forms["account_form"] = SignUpForm(data=data, prefix="account")
        return forms

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**self.get_forms()))

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(request.POST, request.FILES)
        if not all(form.is_valid() for form in forms.values()):
            messages.error(request, _("Please correct the fields marked below."))
            return self.render_to_response(self.get_context_data(**forms))
        if "account_form" in forms:
            # A visitor: the same answer whether or not the address has an account. A new one
            # gets its organisation and a link to confirm the address, which leads to it.
            with transaction.atomic():
                user = account_services.sign_up(form=forms["account_form"])
                if user is not None:
                    organisation = self.create(forms["organisation_form"], user)
                    next_path = safe_next_url(request, organisation.get_absolute_url())
                    account_services.confirmation_send(user=user, next_path=next_path)
            return render(request, "accounts/check_email.html", {"email": forms["account_form"].cleaned_data["email"]})
        with transaction.atomic():
            organisation = self.create(forms["organisation_form"], request.user)
        messages.success(request, self.success_message(organisation))
        # ?next=: back to where registering was asked for (a network's invitation).
        return redirect(safe_next_url(request, organisation.get_absolute_url()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class SupplierRegisterView(RegisterOrganisationView):
    organisation_form_class = SupplierRegistrationForm

    @property
    def heading(self):
        return _("Register your social enterprise")

    def create(self, form, user):
        relations = {name: form.cleaned_data[name] for name in SUPPLIER_RELATIONS if name in form.cleaned_data}
        return services.supplier_create(supplier=form.instance, created_by=user, **relations)

    def success_message(self, supplier):
        return _(
            "%(name)s is registered. An operator will verify it shortly; until then only your "
            "colleagues can see its profile. Complete it in the meantime."
        ) % {"name": supplier.name}


class BuyerRegisterView(RegisterOrganisationView):
    organisation_form_class = BuyerRegistrationForm

    @property
    def heading(self):
        return _("Register your company as a buyer")

    def create(self, form, user):
        return services.buyer_create(buyer=form.instance, created_by=user)

    def success_message(self, buyer):
        return _("%(name)s is registered. You can now invite your colleagues.") % {"name": buyer.name}


class InvitationAcceptView(TemplateView):
    template_name = "organisations/invitation.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = get_object_or_404(
            Invitation.objects.select_related("organisation", "invited_by"), token=kwargs["token"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        invitation = self.invitation
        user = self.request.user
        context = {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "has_account": User.objects.filter(email__iexact=invitation.email).exists(),
            "email_matches": user.is_authenticated and user.email.lower() == invitation.email.lower(),
        }
        if not user.is_authenticated and not context["has_account"]:
            context.setdefault("account_form", SignUpForm(prefix="account", initial={"email": invitation.email}))
        return super().get_context_data(**{**context, **kwargs})

    def post(self, request, *args, **kwargs):
        invitation = self.invitation
        if not invitation.is_pending:
            messages.info(request, _("This invitation has already been used."))
            return redirect("accounts:home")
        user = request.user
        if not user.is_authenticated and User.objects.filter(email__iexact=invitation.email).exists():
            # The link went to this address, so saying it has an account tells its owner only.
            messages.info(request, _("You already have an account: sign in to accept the invitation."))
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        with transaction.atomic():
            if not user.is_authenticated:
                data = request.POST.copy()
                data["account-email"] = invitation.email  # the invitation fixes the address
                form = SignUpForm(data=data, prefix="account")
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(account_form=form))
                user = form.save()
            try:
                services.invitation_accept(invitation=invitation, user=user)
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
                return redirect(request.path)
        if not request.user.is_authenticated:
            login(request, user, backend=AUTH_BACKEND)
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
        return redirect(invitation.organisation.get_absolute_url())
