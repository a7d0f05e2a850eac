"""Reads about networks: who may do what in a network (every network page and check asks
here), which charter signatures count, and the coordinators' view of their members.

A signature of version v counts until the re-sign period of a later version ends:
publishing v+1 gives members `resign_days` to sign it, and their signature of v (or of
any earlier version still counting) lapses when that period is over."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.deductions.models import LegalStatus
from marketplace.organisations.models import Network, NetworkMembership, Role, Supplier
from marketplace.organisations.selectors import organisation_administrators, organisations_of

from .models import CharterSignature, CharterVersion, JoinRequest, NetworkInvitation, NetworkTeamMember, TeamRole

StockRecord = get_model("partner", "StockRecord")


def team_role(user, network) -> str | None:
    """The user's role in the network's team (coordinator or partner), None for others."""
    if not user.is_authenticated:
        return None
    return NetworkTeamMember.objects.filter(user=user, network=network).values_list("role", flat=True).first()


def team_roles(user):
    """The roles the user holds in any network's team."""
    return NetworkTeamMember.objects.filter(user=user).values_list("role", flat=True).distinct()


def networks_of(user, *, role=None):
    """Networks whose team the user is in (only those where they coordinate with role=COORDINATOR)."""
    if not user.is_authenticated:
        return Network.objects.none()
    team = NetworkTeamMember.objects.filter(user=user)
    if role:
        team = team.filter(role=role)
    return Network.objects.filter(pk__in=team.values("network_id"))


def coordinates_supplier(user, supplier) -> bool:
    """True when the user coordinates a network the supplier is a member of: their remit
    for verifying the supplier's claims and seeing its member data."""
    coordinated = networks_of(user, role=TeamRole.COORDINATOR)
    return NetworkMembership.objects.filter(supplier=supplier, network__in=coordinated).exists()


def coordinated_network(*, user, slug: str) -> Network | None:
    """The network at `slug` if the user coordinates it, else None (whether or not it exists)."""
    return networks_of(user, role=TeamRole.COORDINATOR).filter(slug=slug).first()


# Charter


def published_versions(network) -> list[CharterVersion]:
    """The network's published charter versions, oldest first."""
    return list(CharterVersion.objects.filter(network=network, published_at__isnull=False).order_by("number"))


def current_version(network) -> CharterVersion | None:
    return CharterVersion.objects.filter(network=network, published_at__isnull=False).order_by("-number").first()


def charter_draft(network) -> CharterVersion | None:
    return CharterVersion.objects.filter(network=network, published_at__isnull=True).first()


def lapses_at(version: CharterVersion, versions: list[CharterVersion]) -> datetime.datetime | None:
    """When a signature of `version` stops counting (None: not while no later version is published)."""
    return min((v.resign_by for v in versions if v.number > version.number), default=None)


@dataclass
class CharterState:
    """A member's charter signature: the latest it made, and whether it counts now."""

    signature: CharterSignature | None = None
    lapses_at: datetime.datetime | None = None
    current: CharterVersion | None = None
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def counts(self) -> bool:
        return self.signature is not None and (self.lapses_at is None or self.now < self.lapses_at)

    @property
    def signed_current(self) -> bool:
        return self.signature is not None and self.current is not None and self.signature.version_id == self.current.pk

    @property
    def to_sign(self) -> bool:
        """A published version waits for the member's signature."""
        return self.current is not None and not self.signed_current


def charter_states(network, supplier_ids, *, now=None) -> dict[int, CharterState]:
    """{supplier id: CharterState} in the network, for every id asked (two queries)."""
    now = now or timezone.now()
    versions = published_versions(network)
    current = versions[-1] if versions else None
    states = {pk: CharterState(current=current, now=now) for pk in supplier_ids}
    signatures = (
        CharterSignature.objects.filter(version__in=versions, supplier_id__in=states)
        .select_related("version", "signed_by")
        .order_by("supplier_id", "-version__number")
    )
    for signature in signatures:
        state = states[signature.supplier_id]
        if state.signature is None:  # the latest; earlier ones lapse no later than it
            state.signature = signature
            state.lapses_at = lapses_at(signature.version, versions)
    return states


def charter_state(*, network, supplier, now=None) -> CharterState:
    return charter_states(network, [supplier.pk], now=now)[supplier.pk]


def signed_charters(supplier, *, now=None) -> list[tuple[Network, CharterSignature]]:
    """The networks whose charter the supplier has signed with a signature that counts now,
    with that signature: what its public profile shows (two queries, however many networks)."""
    now = now or timezone.now()
    member_of = NetworkMembership.objects.filter(supplier=supplier).values("network_id")
    versions = defaultdict(list)
    for version in CharterVersion.objects.filter(network__in=member_of, published_at__isnull=False).order_by("number"):
        versions[version.network_id].append(version)
    signatures = (
        CharterSignature.objects.filter(
            supplier=supplier, version__network__in=member_of, version__published_at__isnull=False
        )
        .select_related("version__network")
        .order_by("version__network__name", "-version__number")
    )
    found, seen = [], set()
    for signature in signatures:
        network = signature.version.network
        if network.pk in seen:
            continue  # an earlier version: it lapses no later than the latest
        seen.add(network.pk)
        lapses = lapses_at(signature.version, versions[network.pk])
        if lapses is None or now < lapses:
            found.append((network, signature))
    return found


# Coordinators' pages


def profile_gaps(supplier) -> list[str]:
    """What a buyer looks for on a profile and this one lacks. Needs the supplier
    annotated by member_rows (has_sectors, has_products)."""
    checks = [
        (bool(supplier.description.strip()), _("a description")),
        (bool(supplier.logo), _("a logo")),
        (supplier.has_sectors, _("its sectors")),
        (bool(supplier.street_address and supplier.postcode and supplier.city), _("a full address")),
        (bool(supplier.email or supplier.phone), _("a contact e-mail or phone")),
        (bool(supplier.contact_name), _("a contact person")),
        (bool(supplier.employees is not None), _("its workforce")),
        (supplier.has_products, _("products or services")),
    ]
    return [missing for ok, missing in checks if not ok]


PROFILE_CHECKS = 8  # the checks of profile_gaps


@dataclass
class MemberRow:
    membership: NetworkMembership
    gaps: list
    charter: CharterState
    legal_statuses: list

    @property
    def supplier(self):
        return self.membership.supplier

    @property
    def completeness(self) -> int:
        return round(100 * (PROFILE_CHECKS - len(self.gaps)) / PROFILE_CHECKS)


def member_rows(network) -> list[MemberRow]:
    """The coordinators' table of members: profile completeness, verification, charter."""
    today = timezone.localdate()
    statuses = LegalStatus.objects.verified().order_by("status")
    memberships = list(
        NetworkMembership.objects.filter(network=network)
        .select_related("supplier")
        .annotate(
            has_sectors=Exists(Supplier.sectors.through.objects.filter(supplier_id=OuterRef("supplier_id"))),
            has_products=Exists(StockRecord.objects.filter(partner_id=OuterRef("supplier__partner_id"))),
        )
        .prefetch_related(Prefetch("supplier__legal_statuses", queryset=statuses, to_attr="verified_statuses"))
        .order_by("supplier__name")
    )
    states = charter_states(network, [m.supplier_id for m in memberships])
    rows = []
    for m in memberships:
        m.supplier.has_sectors, m.supplier.has_products = m.has_sectors, m.has_products
        legal = [(s, s.valid_until is not None and s.valid_until < today) for s in m.supplier.verified_statuses]
        rows.append(
            MemberRow(membership=m, gaps=profile_gaps(m.supplier), charter=states[m.supplier_id], legal_statuses=legal)
        )
    return rows


def pending_join_requests(network):
    return JoinRequest.objects.filter(network=network, decided_at__isnull=True).select_related(
        "supplier", "requested_by"
    )


def pending_invitations(network):
    return NetworkInvitation.objects.filter(network=network, accepted_at__isnull=True, declined_at__isnull=True)


def network_team(network):
    return (
        NetworkTeamMember.objects.filter(network=network)
        .select_related("user", "partner")
        .order_by("role", "user__email")
    )


def partnered_networks(user):
    """The networks whose figures the user reads for one of their partners."""
    return networks_of(user, role=TeamRole.PARTNER).order_by("name")


def coordinated_networks(user):
    """The networks the user coordinates, with their member count and what waits for them."""
    return (
        networks_of(user, role=TeamRole.COORDINATOR)
        .annotate(
            member_count=Count("memberships", distinct=True),
            pending_requests=Count("join_requests", filter=Q(join_requests__decided_at__isnull=True), distinct=True),
        )
        .order_by("name")
    )


# For suppliers


def supplier_admins(supplier):
    """Who is written to about the supplier's networks: its administrators."""
    return organisation_administrators(organisation=supplier)


def administered_suppliers(user):
    """The suppliers the user administers, who may act for them in networks."""
    return organisations_of(user=user, model=Supplier, roles=[Role.ADMIN]).order_by("name")


@dataclass
class SupplierNetwork:
    network: Network
    membership: NetworkMembership | None
    charter: CharterState | None
    pending_request: JoinRequest | None


def supplier_networks(supplier) -> tuple[list[SupplierNetwork], list[SupplierNetwork]]:
    """The networks the supplier belongs to (with its charter state), and the others it may ask to join."""
    memberships = {m.network_id: m for m in NetworkMembership.objects.filter(supplier=supplier)}
    pending = {r.network_id: r for r in JoinRequest.objects.filter(supplier=supplier, decided_at__isnull=True)}
    mine, others = [], []
    for network in Network.objects.order_by("name"):
        if network.pk in memberships:
            state = charter_state(network=network, supplier=supplier)
            mine.append(SupplierNetwork(network, memberships[network.pk], state, None))
        else:
            others.append(SupplierNetwork(network, None, None, pending.get(network.pk)))
    return mine, others
