"""The networks' side of the demo: coordinator@example.com coordinates the Grande Région
cluster and Impact Noord, funder@example.com speaks for the cluster's bank; each network's
charter has two versions, and its members have signed v2, or v1 still within the re-sign
period (the cluster, KASPEV) or lapsed (Impact Noord); one join request and one invitation
wait for an answer. Dates are relative to the day of loading. Idempotent, as the rest of the loader."""

import datetime

from django.utils import timezone

from marketplace.networks import services
from marketplace.networks.models import CharterVersion, JoinRequest, NetworkInvitation, NetworkTeamMember, TeamRole
from marketplace.organisations.models import Network, NetworkMembership, Supplier
from marketplace.organisations.services import slug_base

COORDINATED = ("sse-cluster-grande-region", "impact-noord")
# Network: (days since v2 was published, its re-sign period in days).
SECOND_VERSIONS = {"sse-cluster-grande-region": (20, 60), "impact-noord": (120, 90), "kaspev": (30, 45)}
ARTICLE_6 = {
    "en": "6. We publish a yearly social-impact report on Responsible.",
    "fr": "6. Nous publions chaque année un rapport d'impact social sur Responsible.",
    "de": "6. Wir veröffentlichen jedes Jahr einen Bericht über unsere soziale Wirkung auf Responsible.",
    "nl": "6. We publiceren elk jaar een verslag over onze maatschappelijke impact op Responsible.",
    "sr": "6. Сваке године објављујемо извештај о друштвеном утицају на Responsible.",
}
INVITED = "new-coop@example.org"


def _versions(network: Network, now) -> tuple[CharterVersion, CharterVersion]:
    """v1 (the charter as the network wrote it) and v2 (with a sixth article)."""
    texts = {code: getattr(network, f"charter_{code}") for code in ARTICLE_6}
    titles = {code: getattr(network, f"charter_title_{code}") for code in ARTICLE_6}
    v1, _created = CharterVersion.objects.get_or_create(
        network=network,
        number=1,
        defaults={
            "published_at": datetime.datetime(2016, 1, 1, 12, tzinfo=datetime.UTC),
            **{f"title_{code}": title for code, title in titles.items()},
            **{f"text_{code}": text for code, text in texts.items()},
        },
    )
    days_ago, resign_days = SECOND_VERSIONS[network.slug]
    v2 = CharterVersion.objects.filter(network=network, number=2).first()
    if v2 is None:
        v2 = CharterVersion.objects.create(
            network=network,
            number=2,
            published_at=now - datetime.timedelta(days=days_ago),
            resign_days=resign_days,
            **{f"title_{code}": getattr(v1, f"title_{code}") for code in ARTICLE_6},
            **{f"text_{code}": f"{getattr(v1, f'text_{code}')}\n{ARTICLE_6[code]}" for code in ARTICLE_6},
        )
        # The network's page shows its current charter.
        for code in ARTICLE_6:
            setattr(network, f"charter_{code}", getattr(v2, f"text_{code}"))
        network.save()
    return v1, v2


def _signatures(network: Network, plans, v1, v2) -> None:
    signers = sorted(
        slug_base(plan.name) for plan in plans for slug, signed in plan.networks if slug == network.slug and signed
    )
    memberships = NetworkMembership.objects.filter(network=network, supplier__slug__in=signers).select_related(
        "supplier"
    )
    for i, membership in enumerate(sorted(memberships, key=lambda m: m.supplier.slug)):
        signed_on = datetime.datetime.combine(membership.joined_on, datetime.time(12), tzinfo=datetime.UTC)
        services.charter_signature_import(
            supplier=membership.supplier, version=v1, signed_at=signed_on + datetime.timedelta(days=90)
        )
        if i % 3 == 0:  # a third have signed v2 already
            services.charter_signature_import(
                supplier=membership.supplier, version=v2, signed_at=v2.published_at + datetime.timedelta(days=2)
            )


def networks_demo(*, plans, coordinator, funder, asker) -> None:
    now = timezone.now()
    for network in Network.objects.filter(slug__in=SECOND_VERSIONS):
        v1, v2 = _versions(network, now)
        _signatures(network, plans, v1, v2)
    services.charter_lapses(now=now)  # Impact Noord's v1 signatures lapsed

    cluster = Network.objects.get(slug=COORDINATED[0])
    for network in Network.objects.filter(slug__in=COORDINATED):
        NetworkTeamMember.objects.get_or_create(
            network=network, user=coordinator, defaults={"role": TeamRole.COORDINATOR}
        )
    NetworkTeamMember.objects.get_or_create(
        network=cluster, user=funder, defaults={"role": TeamRole.PARTNER, "partner": cluster.partners.first()}
    )

    # supplier@example.com's food hub asks to join Impact Noord.
    hub = Supplier.objects.filter(memberships__user=asker).first()
    noord = Network.objects.get(slug=COORDINATED[1])
    asked = JoinRequest.objects.filter(network=noord, supplier=hub).exists()
    if hub is not None and not asked and not NetworkMembership.objects.filter(network=noord, supplier=hub).exists():
        services.join_request_create(
            network=noord, supplier=hub, by=asker, message="We deliver local food across the border, also to Groningen."
        )
    if not NetworkInvitation.objects.filter(network=cluster, email=INVITED).exists():
        services.invitation_send(network=cluster, email=INVITED, by=coordinator, message="Join us!")
