"""Reads about who may do what in a network: every network page and check asks here."""

from marketplace.organisations.models import Network, NetworkMembership

from .models import NetworkTeamMember, TeamRole


def team_role(user, network) -> str | None:
    """The user's role in the network's team (coordinator or partner), None for others."""
    if not user.is_authenticated:
        return None
    return NetworkTeamMember.objects.filter(user=user, network=network).values_list("role", flat=True).first()


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
