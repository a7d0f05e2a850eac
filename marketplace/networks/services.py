"""Writes of networks: members in and out, invitations and join requests, charter
versions and signatures. Pages, the admin, the daily `charter_lapses` command and the
demo loader all come through here.

NetworkMembership.charter_signed_on is the day of the member's signature that counts
(None when none does): search filters on it cheaply, and only this module sets it,
when a member signs and when a signature lapses (saving the membership reindexes the
supplier, see search.signals).

E-mails go out in the recipient's language (marketplace.core.languages); an invited
address without an account reads the language of the coordinator who invited it."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import languages, mail
from marketplace.core.mail import templated_mail_send
from marketplace.notifications import kinds
from marketplace.notifications.delivery import deliver, templated
from marketplace.organisations.models import Network, NetworkMembership, NetworkPartner, Role, Supplier
from marketplace.organisations.selectors import is_member

from . import selectors
from .models import CharterSignature, CharterVersion, JoinRequest, NetworkInvitation, NetworkTeamMember, TeamRole

LANGUAGE_SUFFIXES = [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def _send(*, to, template: str, context: dict) -> None:
    """To a user (in their language) or to an address (context's `language`)."""
    context = {"site_url": mail.site_url(), **context}
    address, language = (to.email, languages.of(to)) if hasattr(to, "email") else (to, context["language"])
    templated_mail_send(to=address, template=f"networks/email/{template}", context=context, language=language)


def _notify(users, *, kind: str, template: str, context: dict) -> None:
    """People with an account hear through their notification choices (kinds in
    marketplace.notifications.kinds), each in their language, once the change is committed."""
    render = templated(f"networks/email/{template}", {"site_url": mail.site_url(), **context})
    users = list(users)
    transaction.on_commit(lambda: deliver(render, users=users, kind=kind))


def _tell_admins(*, supplier: Supplier, template: str, context: dict) -> None:
    _notify(
        selectors.supplier_admins(supplier),
        kind=kinds.NETWORK_MEMBERSHIP,
        template=template,
        context={"supplier": supplier, **context},
    )


def _tell_coordinators(*, network: Network, template: str, context: dict) -> None:
    coordinators = NetworkTeamMember.objects.filter(network=network, role=TeamRole.COORDINATOR).select_related("user")
    _notify(
        [member.user for member in coordinators],
        kind=kinds.NETWORK_JOIN_REQUEST,
        template=template,
        context={"network": network, **context},
    )


def _membership_charter_refresh(membership: NetworkMembership, *, now=None) -> None:
    state = selectors.charter_state(network=membership.network, supplier=membership.supplier, now=now)
    signed_on = timezone.localdate(state.signature.signed_at) if state.counts else None
    if membership.charter_signed_on != signed_on:
        membership.charter_signed_on = signed_on
        membership.save(update_fields=["charter_signed_on"])


# Members


@transaction.atomic
def member_add(*, network: Network, supplier: Supplier) -> NetworkMembership:
    if NetworkMembership.objects.filter(network=network, supplier=supplier).exists():
        raise ValidationError(
            _("%(supplier)s is already a member of %(network)s.") % {"supplier": supplier.name, "network": network.name}
        )
    membership = NetworkMembership.objects.create(network=network, supplier=supplier, joined_on=timezone.localdate())
    # A signature made before leaving the network counts again if its version still does.
    _membership_charter_refresh(membership)
    return membership


@transaction.atomic
def member_remove(*, membership: NetworkMembership, by) -> None:
    network, supplier = membership.network, membership.supplier
    membership.delete()
    _tell_admins(supplier=supplier, template="member_removed", context={"network": network})


# Invitations


@transaction.atomic
def invitation_send(
    *,
    network: Network,
    email: str,
    by,
    purpose: str = NetworkInvitation.Purpose.MEMBER,
    partner: NetworkPartner | None = None,
    message: str = "",
) -> NetworkInvitation:
    email = email.strip()
    if purpose == NetworkInvitation.Purpose.PARTNER and (partner is None or partner.network_id != network.pk):
        raise ValidationError(_("Choose which of the network's partners this person speaks for."))
    now = timezone.now()
    invitation = NetworkInvitation.objects.create(
        network=network,
        email=email,
        purpose=purpose,
        partner=partner if purpose == NetworkInvitation.Purpose.PARTNER else None,
        message=message,
        invited_by=by,
        sent_at=now,
        expires_at=now + datetime.timedelta(days=settings.NETWORK_INVITATION_DAYS),
    )
    known = get_user_model().objects.filter(email__iexact=email).first()
    _send(
        to=known or email,
        template=f"invitation_{invitation.purpose}",
        context={"invitation": invitation, "network": network, "language": languages.of(by)},
    )
    return invitation


def _usable(invitation: NetworkInvitation) -> None:
    if not invitation.is_pending:
        raise ValidationError(_("This invitation has already been answered."))
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask the network's coordinators for a new one."))


@transaction.atomic
def invitation_accept(*, invitation: NetworkInvitation, user, supplier: Supplier | None = None):
    """A member invitation is accepted by an administrator for their supplier; a team
    invitation by the person it was sent to. Returns the membership or team member."""
    invitation = NetworkInvitation.objects.select_for_update().get(pk=invitation.pk)
    _usable(invitation)
    if invitation.purpose == NetworkInvitation.Purpose.MEMBER:
        if supplier is None or not selectors.administered_suppliers(user).filter(pk=supplier.pk).exists():
            raise PermissionDenied(_("Only an administrator of the social enterprise can accept for it."))
        joined = member_add(network=invitation.network, supplier=supplier)
    else:
        if invitation.email.lower() != user.email.lower():
            raise PermissionDenied(_("This invitation was sent to another e-mail address."))
        joined, _created = NetworkTeamMember.objects.update_or_create(
            network=invitation.network,
            user=user,
            defaults={"role": invitation.purpose, "partner": invitation.partner},
        )
    invitation.accepted_at, invitation.accepted_by, invitation.supplier = timezone.now(), user, supplier
    invitation.save(update_fields=["accepted_at", "accepted_by", "supplier"])
    return joined


@transaction.atomic
def invitation_decline(*, invitation: NetworkInvitation) -> None:
    _usable(invitation)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


@transaction.atomic
def invitation_withdraw(*, invitation: NetworkInvitation) -> None:
    """A coordinator takes back an invitation not yet answered: its link stops working."""
    invitation.expires_at = timezone.now()
    invitation.save(update_fields=["expires_at"])


# Join requests


@transaction.atomic
def join_request_create(*, network: Network, supplier: Supplier, message: str, by) -> JoinRequest:
    if NetworkMembership.objects.filter(network=network, supplier=supplier).exists():
        raise ValidationError(
            _("%(supplier)s is already a member of %(network)s.") % {"supplier": supplier.name, "network": network.name}
        )
    if JoinRequest.objects.filter(network=network, supplier=supplier, decided_at__isnull=True).exists():
        raise ValidationError(_("%(network)s has not answered your request yet.") % {"network": network.name})
    request = JoinRequest.objects.create(network=network, supplier=supplier, message=message, requested_by=by)
    _tell_coordinators(network=network, template="join_requested", context={"join_request": request})
    return request


@transaction.atomic
def join_request_decide(*, join_request: JoinRequest, approve: bool, by) -> JoinRequest:
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not join_request.is_pending:
        raise ValidationError(_("This request has already been answered."))
    if approve:
        member_add(network=join_request.network, supplier=join_request.supplier)
    join_request.approved, join_request.decided_by, join_request.decided_at = approve, by, timezone.now()
    join_request.save(update_fields=["approved", "decided_by", "decided_at"])
    _tell_admins(
        supplier=join_request.supplier,
        template="join_approved" if approve else "join_declined",
        context={"network": join_request.network},
    )
    return join_request


# Team


@transaction.atomic
def team_member_remove(*, team_member: NetworkTeamMember) -> None:
    if (
        team_member.role == TeamRole.COORDINATOR
        and NetworkTeamMember.objects.filter(network=team_member.network, role=TeamRole.COORDINATOR).count() == 1
    ):
        raise ValidationError(_("A network keeps at least one coordinator."))
    team_member.delete()


@transaction.atomic
def partners_reorder(*, network: Network, partner: NetworkPartner, step: int) -> None:
    """Move a partner one place up (step -1) or down (+1) in the network's list."""
    partners = list(network.partners.order_by("position", "name"))
    i = partners.index(partner)
    j = i + step
    if 0 <= j < len(partners):
        partners[i], partners[j] = partners[j], partners[i]
    for position, p in enumerate(partners):
        if p.position != position:
            p.position = position
            p.save(update_fields=["position"])


@transaction.atomic
def partner_save(*, partner: NetworkPartner) -> NetworkPartner:
    if partner.pk is None:
        partner.position = partner.network.partners.count()
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def network_profile_save(*, network: Network) -> Network:
    network.full_clean()
    network.save()
    return network


# Charter


@transaction.atomic
def charter_draft_save(*, draft: CharterVersion) -> CharterVersion:
    """The network's draft of its next version (one at a time), created or changed."""
    if draft.is_published:
        raise ValidationError(_("A published version of the charter does not change: draft a new one."))
    if draft.pk is None:
        if selectors.charter_draft(draft.network) is not None:
            raise ValidationError(_("The network already has a draft: change it or publish it."))
        latest = CharterVersion.objects.filter(network=draft.network).order_by("-number").first()
        draft.number = latest.number + 1 if latest else 1
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def charter_publish(*, draft: CharterVersion, by) -> CharterVersion:
    """The draft becomes the charter members sign. Members are asked to sign it within
    its re-sign period; the network's page shows its text (copied onto the network)."""
    if draft.is_published:
        raise ValidationError(_("This version is already published."))
    draft.published_at = timezone.now()
    draft.save(update_fields=["published_at"])
    network = draft.network
    for code in LANGUAGE_SUFFIXES:
        setattr(network, f"charter_title_{code}", getattr(draft, f"title_{code}"))
        setattr(network, f"charter_{code}", getattr(draft, f"text_{code}"))
    network.save()
    for membership in NetworkMembership.objects.filter(network=network).select_related("supplier"):
        _tell_admins(
            supplier=membership.supplier, template="charter_published", context={"network": network, "version": draft}
        )
    return draft


@transaction.atomic
def charter_sign(*, supplier: Supplier, version: CharterVersion, by) -> CharterSignature:
    """The supplier signs the network's current version, by one of its administrators."""
    network = version.network
    membership = NetworkMembership.objects.filter(network=network, supplier=supplier).first()
    if membership is None:
        raise ValidationError(_("Only members of %(network)s sign its charter.") % {"network": network.name})
    if not is_member(user=by, organisation=supplier, roles=[Role.ADMIN]):
        raise PermissionDenied(_("Only an administrator of the social enterprise signs for it."))
    current = selectors.current_version(network)
    if current is None or current.pk != version.pk:
        raise ValidationError(_("This is not the current version of the charter: sign the current one."))
    if CharterSignature.objects.filter(version=version, supplier=supplier).exists():
        raise ValidationError(_("%(supplier)s has already signed this version.") % {"supplier": supplier.name})
    signature = CharterSignature.objects.create(
        version=version, supplier=supplier, signed_by=by, signed_at=timezone.now()
    )
    _membership_charter_refresh(membership)
    return signature


@transaction.atomic
def charter_signature_import(*, supplier: Supplier, version: CharterVersion, signed_at) -> CharterSignature:
    """A signature made outside the platform (on paper, before the network came here), with
    no signer on record. Recorded once; the member's search label follows."""
    signature, _created = CharterSignature.objects.get_or_create(
        version=version, supplier=supplier, defaults={"signed_at": signed_at}
    )
    membership = NetworkMembership.objects.filter(network=version.network, supplier=supplier).first()
    if membership is not None:
        _membership_charter_refresh(membership)
    return signature


def charter_lapses(*, now=None) -> tuple[int, int]:
    """The daily run: records the signatures whose re-sign period ended (the member's badge
    and search label go) and reminds, once, members whose signature lapses within
    CHARTER_REMINDER_DAYS. Returns (lapsed, reminded)."""
    now = now or timezone.now()
    soon = now + datetime.timedelta(days=settings.CHARTER_REMINDER_DAYS)
    lapsed = reminded = 0
    for network in Network.objects.filter(charter_versions__published_at__isnull=False).distinct():
        memberships = list(NetworkMembership.objects.filter(network=network).select_related("supplier", "network"))
        states = selectors.charter_states(network, [m.supplier_id for m in memberships], now=now)
        for membership in memberships:
            state = states[membership.supplier_id]
            signature = state.signature
            if signature is None or state.signed_current:
                continue
            with transaction.atomic():
                if not state.counts and signature.lapsed_at is None:
                    signature.lapsed_at = now
                    signature.save(update_fields=["lapsed_at"])
                    _membership_charter_refresh(membership, now=now)
                    lapsed += 1
                elif state.counts and state.lapses_at <= soon and signature.reminded_at is None:
                    signature.reminded_at = now
                    signature.save(update_fields=["reminded_at"])
                    _tell_admins(
                        supplier=membership.supplier,
                        template="charter_reminder",
                        context={"network": network, "version": state.current, "lapses_at": state.lapses_at},
                    )
                    reminded += 1
    return lapsed, reminded
