"""Reads: how each kind reaches a person, and their choices as the settings page shows them."""

from dataclasses import dataclass

from marketplace.networks.models import NetworkTeamMember, TeamRole
from marketplace.organisations.selectors import organisations_of

from .kinds import Audience, Channel, Group, Kind, kind_get, kinds_for
from .models import NotificationPreference


def routes(*, users, kind: Kind) -> dict[int, dict[str, str | None]]:
    """For each user (by pk) and channel: the frequency `kind` reaches them at, None when
    they turned it off. One query whatever the number of users."""
    channels = (Channel.EMAIL, Channel.IN_APP)
    result = {user.pk: {channel: kind.default(channel) for channel in channels} for user in users}
    if kind.required:
        return result
    chosen = NotificationPreference.objects.filter(user__in=list(result), kind=kind.key)
    for preference in chosen:
        result[preference.user_id][preference.channel] = preference.frequency if preference.enabled else None
    return result


def route(*, user, kind_key: str, channel: str) -> str | None:
    return routes(users=[user], kind=kind_get(kind_key))[user.pk][channel]


def audiences_of(user) -> set[str]:
    """buyer and/or supplier, from the organisations the person belongs to, and coordinator
    of the networks they coordinate."""
    audiences = set(organisations_of(user=user).values_list("kind", flat=True))
    if NetworkTeamMember.objects.filter(user=user, role=TeamRole.COORDINATOR).exists():
        audiences.add(Audience.COORDINATOR)
    return audiences


@dataclass
class Row:
    kind: Kind
    email: str | None  # a Frequency, or None when off
    in_app: str | None


def preference_rows(*, user) -> list[tuple[str, list[Row]]]:
    """The kinds this person can receive, under their group's label as declared, each
    with its current choice per channel (the kind's default where they chose nothing)."""
    chosen = {
        (p.kind, p.channel): (p.frequency if p.enabled else None)
        for p in NotificationPreference.objects.filter(user=user)
    }
    groups: dict[str, list[Row]] = {}
    for kind in kinds_for(audiences_of(user)):
        values = {
            channel: kind.default(channel) if kind.required else chosen.get((kind.key, channel), kind.default(channel))
            for channel in (Channel.EMAIL, Channel.IN_APP)
        }
        groups.setdefault(Group(kind.group).label, []).append(Row(kind, values[Channel.EMAIL], values[Channel.IN_APP]))
    return list(groups.items())
