"""The coordination workspace (/coordination/<network>/…) for a network's coordinators,
the invitation page people reach from their e-mail, and the supplier workspace's page
of its networks. Every page checks the network or supplier in its address (selectors)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from marketplace.organisations.models import Network, NetworkMembership, NetworkPartner
from marketplace.workspace.views import WorkspaceMixin

from . import selectors, services
from .forms import (
    CharterDraftForm,
    JoinRequestForm,
    MemberInvitationForm,
    NetworkProfileForm,
    PartnerForm,
    SupplierChoiceForm,
    TeamInvitationForm,
)
from .models import CharterVersion, JoinRequest, NetworkInvitation, NetworkTeamMember

# The coordination workspace's tabs: (section, label, URL name). A new page adds its tab here.
SECTIONS = [
    ("members", gettext_lazy("Members"), "networks:members"),
    ("requests", gettext_lazy("Join requests"), "networks:requests"),
    ("invitations", gettext_lazy("Invitations"), "networks:invitations"),
    ("charter", gettext_lazy("Charter"), "networks:charter"),
    ("partners", gettext_lazy("Partners and team"), "networks:partners"),
    ("profile", gettext_lazy("Public page"), "networks:profile"),
    ("figures", gettext_lazy("Figures"), "network_dashboard:dashboard"),
]


def _errors(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


class CoordinationHomeView(LoginRequiredMixin, TemplateView):
    template_name = "networks/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            networks=selectors.coordinated_networks(user), partnered=selectors.partnered_networks(user), **kwargs
        )


class CoordinatorMixin(LoginRequiredMixin):
    """The network in the URL, for its coordinators; everybody else (partners' people too)
    gets a 404, without learning whether a network has that address."""

    section = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.network = selectors.coordinated_network(user=request.user, slug=kwargs["slug"])
        if self.network is None:
            raise Http404(_("Only the coordinators of a network open its coordination workspace."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        tabs = [(section, label, reverse(name, args=[self.network.slug])) for section, label, name in SECTIONS]
        return super().get_context_data(network=self.network, section=self.section, tabs=tabs, **kwargs)

    def back(self, name: str):
        return redirect(name, slug=self.network.slug)


class NetworkHomeView(CoordinatorMixin, View):
    def get(self, request, slug):
        return self.back("networks:members")


class MembersView(CoordinatorMixin, TemplateView):
    template_name = "networks/members.html"
    section = "members"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=selectors.member_rows(self.network), **kwargs)


class MemberRemoveView(CoordinatorMixin, TemplateView):
    """GET asks to confirm; POST removes."""

    template_name = "networks/member_remove.html"
    section = "members"

    def get_membership(self):
        return get_object_or_404(
            NetworkMembership.objects.select_related("supplier"), network=self.network, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.get_membership(), **kwargs)

    def post(self, request, slug, pk):
        membership = self.get_membership()
        services.member_remove(membership=membership, by=request.user)
        messages.success(
            request,
            _("%(supplier)s is no longer a member of %(network)s; its administrators have been told.")
            % {"supplier": membership.supplier.name, "network": self.network.name},
        )
        return self.back("networks:members")


class InvitationsView(CoordinatorMixin, FormView):
    template_name = "networks/invitations.html"
    section = "invitations"
    form_class = MemberInvitationForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitations=selectors.pending_invitations(self.network), **kwargs)

    def form_valid(self, form):
        invitation = services.invitation_send(
            network=self.network,
            email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            by=self.request.user,
        )
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return self.back("networks:invitations")


class InvitationWithdrawView(CoordinatorMixin, View):
    def post(self, request, slug, pk):
        invitation = get_object_or_404(NetworkInvitation, network=self.network, pk=pk)
        services.invitation_withdraw(invitation=invitation)
        messages.success(request, _("The invitation to %(email)s no longer works.") % {"email": invitation.email})
        return self.back(
            "networks:partners" if invitation.purpose != NetworkInvitation.Purpose.MEMBER else "networks:invitations"
        )


class JoinRequestsView(CoordinatorMixin, TemplateView):
    template_name = "networks/requests.html"
    section = "requests"

    def get_context_data(self, **kwargs):
        return super().get_context_data(join_requests=selectors.pending_join_requests(self.network), **kwargs)


class JoinRequestDecideView(CoordinatorMixin, View):
    def post(self, request, slug, pk):
        join_request = get_object_or_404(JoinRequest, network=self.network, pk=pk)
        approve = request.POST.get("decision") == "approve"
        try:
            services.join_request_decide(join_request=join_request, approve=approve, by=request.user)
        except ValidationError as error:
            _errors(request, error)
        else:
            text = _("%(supplier)s is now a member.") if approve else _("The request of %(supplier)s is declined.")
            messages.success(request, text % {"supplier": join_request.supplier.name})
        return self.back("networks:requests")


class CharterView(CoordinatorMixin, FormView):
    """The charter's versions, and the draft of the next one."""

    template_name = "networks/charter.html"
    section = "charter"
    form_class = CharterDraftForm

    def get_form_kwargs(self):
        draft = selectors.charter_draft(self.network) or CharterVersion(network=self.network)
        if draft.pk is None and (current := selectors.current_version(self.network)):
            # A new version starts from the current one's text.
            for field in CharterVersion._meta.get_fields():
                if field.name.startswith(("title_", "text_")):
                    setattr(draft, field.name, getattr(current, field.name))
            draft.resign_days = current.resign_days
        return {**super().get_form_kwargs(), "instance": draft}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=list(CharterVersion.objects.filter(network=self.network).order_by("-number")),
            draft=selectors.charter_draft(self.network),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.charter_draft_save(draft=form.instance)
        except ValidationError as error:
            _errors(self.request, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The draft is saved. Members see it once you publish it."))
        return self.back("networks:charter")


class CharterPublishView(CoordinatorMixin, View):
    def post(self, request, slug):
        draft = selectors.charter_draft(self.network)
        if draft is None:
            raise Http404(_("There is no draft to publish."))
        services.charter_publish(draft=draft, by=request.user)
        messages.success(
            request,
            _("Version %(number)s is published. Members have been asked to sign it within %(days)s days.")
            % {"number": draft.number, "days": draft.resign_days},
        )
        return self.back("networks:charter")


class PartnersView(CoordinatorMixin, FormView):
    """Partners (add, edit, remove, order) and the network's team (invite, remove)."""

    template_name = "networks/partners.html"
    section = "partners"
    form_class = TeamInvitationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "network": self.network}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partners=list(self.network.partners.all()),
            team=selectors.network_team(self.network),
            team_invitations=selectors.pending_invitations(self.network).exclude(
                purpose=NetworkInvitation.Purpose.MEMBER
            ),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            invitation = services.invitation_send(network=self.network, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(self.request, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return self.back("networks:partners")


class PartnerFormView(CoordinatorMixin, FormView):
    template_name = "networks/partner_form.html"
    section = "partners"
    form_class = PartnerForm

    def get_form_kwargs(self):
        pk = self.kwargs.get("pk")
        partner = (
            get_object_or_404(NetworkPartner, network=self.network, pk=pk)
            if pk
            else NetworkPartner(network=self.network)
        )
        return {**super().get_form_kwargs(), "instance": partner}

    def form_valid(self, form):
        services.partner_save(partner=form.instance)
        messages.success(self.request, _("%(name)s is saved.") % {"name": form.instance.name})
        return self.back("networks:partners")


class PartnerChangeView(CoordinatorMixin, View):
    """Move a partner up or down, or remove it."""

    def post(self, request, slug, pk):
        partner = get_object_or_404(NetworkPartner, network=self.network, pk=pk)
        action = request.POST.get("action")
        if action in ("up", "down"):
            services.partners_reorder(network=self.network, partner=partner, step=-1 if action == "up" else 1)
        elif action == "remove":
            partner.delete()
            messages.success(request, _("%(name)s is no longer listed.") % {"name": partner.name})
        return self.back("networks:partners")


class TeamMemberRemoveView(CoordinatorMixin, View):
    def post(self, request, slug, pk):
        team_member = get_object_or_404(NetworkTeamMember, network=self.network, pk=pk)
        try:
            services.team_member_remove(team_member=team_member)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(email)s has left the team.") % {"email": team_member.user.email})
        return self.back("networks:partners")


class ProfileView(CoordinatorMixin, FormView):
    template_name = "networks/profile.html"
    section = "profile"
    form_class = NetworkProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Network.objects.get(pk=self.network.pk)}

    def form_valid(self, form):
        services.network_profile_save(network=form.instance)
        messages.success(self.request, _("The network's public page is saved."))
        return self.back("networks:profile")


# The invitation's page ---------------------------------------------------------


class InvitationView(TemplateView):
    """Where an invitation's link leads: accept (for one's supplier, or as a team member) or decline."""

    template_name = "networks/invitation.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = get_object_or_404(NetworkInvitation.objects.select_related("network"), token=kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        invitation, user = self.invitation, self.request.user
        suppliers = selectors.administered_suppliers(user)
        here = self.request.path
        return super().get_context_data(
            invitation=invitation,
            network=invitation.network,
            for_member=invitation.purpose == NetworkInvitation.Purpose.MEMBER,
            form=kwargs.pop("form", None) or SupplierChoiceForm(suppliers=suppliers),
            has_suppliers=suppliers.exists(),
            login_url=f"{reverse('accounts:login')}?{urlencode({'next': here})}",
            signup_url=f"{reverse('accounts:signup')}?{urlencode({'next': here})}",
            register_url=f"{reverse('organisations:supplier-register')}?{urlencode({'next': here})}",
            **kwargs,
        )

    def post(self, request, token):
        invitation = self.invitation
        if request.POST.get("decision") == "decline":
            try:
                services.invitation_decline(invitation=invitation)
            except ValidationError as error:
                _errors(request, error)
                return redirect(request.path)
            messages.success(
                request, _("You declined the invitation of %(network)s.") % {"network": invitation.network.name}
            )
            return redirect(invitation.network.get_absolute_url())
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.path})}")
        supplier = None
        if invitation.purpose == NetworkInvitation.Purpose.MEMBER:
            form = SupplierChoiceForm(request.POST, suppliers=selectors.administered_suppliers(request.user))
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form))
            supplier = form.cleaned_data["supplier"]
        try:
            services.invitation_accept(invitation=invitation, user=request.user, supplier=supplier)
        except (PermissionDenied, ValidationError) as error:
            _errors(request, error)
            return redirect(request.path)
        if supplier is None:
            messages.success(request, _("Welcome to the team of %(network)s.") % {"network": invitation.network.name})
            if invitation.purpose == NetworkInvitation.Purpose.COORDINATOR:
                return redirect("networks:members", slug=invitation.network.slug)
            return redirect(invitation.network.get_absolute_url())
        messages.success(
            request,
            _("%(supplier)s is now a member of %(network)s. Sign its charter to show it on your profile.")
            % {"supplier": supplier.name, "network": invitation.network.name},
        )
        return redirect("networks_workspace:networks", slug=supplier.slug)


# The supplier workspace's page of its networks -----------------------------------


class SupplierNetworksView(WorkspaceMixin, TemplateView):
    template_name = "networks/supplier_networks.html"
    section = "networks"

    def get_context_data(self, **kwargs):
        mine, others = selectors.supplier_networks(self.supplier)
        is_admin = selectors.administered_suppliers(self.request.user).filter(pk=self.supplier.pk).exists()
        return super().get_context_data(
            mine=mine, others=others, is_admin=is_admin, join_form=JoinRequestForm(), **kwargs
        )


class SupplierNetworkActionView(WorkspaceMixin, View):
    """An administrator asks to join a network, or signs its current charter."""

    def post(self, request, slug, network_slug, action):
        network = get_object_or_404(Network, slug=network_slug)
        try:
            if action == "join":
                form = JoinRequestForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form.errors["message"])
                if not selectors.administered_suppliers(request.user).filter(pk=self.supplier.pk).exists():
                    raise PermissionDenied(_("Only an administrator of the social enterprise can do this."))
                services.join_request_create(
                    network=network, supplier=self.supplier, message=form.cleaned_data["message"], by=request.user
                )
                messages.success(
                    request,
                    _("Your request has been sent to the coordinators of %(network)s.") % {"network": network.name},
                )
            elif action == "sign":
                version = get_object_or_404(CharterVersion, network=network, pk=request.POST.get("version"))
                services.charter_sign(supplier=self.supplier, version=version, by=request.user)
                messages.success(
                    request,
                    _("%(supplier)s signed version %(number)s of the charter of %(network)s.")
                    % {"supplier": self.supplier.name, "number": version.number, "network": network.name},
                )
            else:
                raise Http404
        except (PermissionDenied, ValidationError) as error:
            _errors(request, error)
        return redirect("networks_workspace:networks", slug=self.supplier.slug)
