"""Fixtures of the dashboard's tests: two networks and their members' trade.

Cluster A (LU, FR): Bricks Again (FR, reused materials, 6 of 10 from vulnerable groups,
joined 10 Sep 2025, signed 5 Oct 2025), Lux Caterers (LU, catering, 5 of 20, joined 2020,
signed 1 Feb 2026) and Newbie Reuse (LU, reused materials, 1 of 2, not verified, joined
20 Mar 2026). Noord B (NL): Dutch Kitchen (NL, catering). Today is 30 June 2026, so the
last 12 months run from 1 July 2025 to 30 June 2026: exactly 365 days."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
import time_machine

from marketplace.networks.models import TeamRole
from marketplace.order.models import Order, PartStatus
from marketplace.order.services import QuotedLine, QuotedPart, part_status_set, purchase_place_quoted
from marketplace.organisations.models import BuyerSize
from marketplace.payments.models import CreditReason
from marketplace.payments.services import part_credit
from marketplace.sourcing import services
from marketplace.sourcing.models import Invitation, Need
from tests.factories import (
    BuyerFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkPartnerFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    UserFactory,
)
from tests.networks.factories import NetworkTeamMemberFactory
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import need_draft, need_published, past_deadline, quote

TODAY = datetime.datetime(2026, 6, 30, 12, 0, tzinfo=datetime.UTC)


def at(day: str, hour: int = 12):
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=datetime.UTC)


def order(buyer, officer, supplier, net, placed: str):
    line = QuotedLine("Work", 1, Decimal(net), Decimal("0"), Decimal(net), Decimal("0"))
    purchase = purchase_place_quoted(
        buyer=buyer, user=officer, details=checkout_details(), parts=[QuotedPart(supplier, [line])]
    )
    part = purchase.parts.get()
    Order.objects.filter(pk=part.pk).update(date_placed=at(placed))
    return part


def answered(need, supplier, *, notified: str, hours: int):
    """The member was notified at `notified` and answered `hours` later."""
    sent = at(notified, 9)
    Invitation.objects.filter(need=need, supplier=supplier).update(
        created_at=sent, notified_at=sent, responded_at=sent + datetime.timedelta(hours=hours)
    )


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


@pytest.fixture
def clusters(today, buyer, buyer_admin):
    m = SimpleNamespace(buyer=buyer, officer=buyer_admin)
    m.construction = SectorFactory(name="Construction")
    m.reuse = SectorFactory(name="Reused materials", parent=m.construction)
    m.food = SectorFactory(name="Food")
    m.catering = SectorFactory(name="Catering", parent=m.food)
    m.lorraine = RegionFactory(name="Lorraine", country="FR")

    def supplier(name, sector, country, employees, vulnerable, **fields):
        admin = UserFactory(email=f"admin@{name.lower().replace(' ', '-')}.example")
        return SupplierFactory(
            name=name,
            country=country,
            sectors=[sector],
            served_countries=[country],
            created_by=admin,
            employees=employees,
            employees_vulnerable=vulnerable,
            **fields,
        )

    m.bricks = supplier("Bricks Again", m.reuse, "FR", 10, 6, region=m.lorraine)
    m.caterers = supplier("Lux Caterers", m.catering, "LU", 20, 5)
    m.newbie = supplier("Newbie Reuse", m.reuse, "LU", 2, 1, unverified=True)
    m.dutch = supplier("Dutch Kitchen", m.catering, "NL", 8, 4)

    m.a = NetworkFactory(name="Cluster A", countries=["LU", "FR"])
    m.b = NetworkFactory(name="Noord B", countries=["NL"])
    member = NetworkMembershipFactory
    member(network=m.a, supplier=m.bricks, joined_on="2025-09-10", charter_signed_on="2025-10-05")
    member(network=m.a, supplier=m.caterers, joined_on="2020-01-01", charter_signed_on="2026-02-01")
    member(network=m.a, supplier=m.newbie, joined_on="2026-03-20")
    member(network=m.b, supplier=m.dutch, joined_on="2024-05-01", charter_signed_on="2024-05-01")

    m.coordinator = NetworkTeamMemberFactory(network=m.a, user=UserFactory(email="coord@cluster-a.example")).user
    m.funder = NetworkTeamMemberFactory(
        network=m.a,
        user=UserFactory(email="funder@bank.example"),
        role=TeamRole.PARTNER,
        partner=NetworkPartnerFactory(network=m.a, name="Cooperative Bank"),
    ).user
    m.coordinator_b = NetworkTeamMemberFactory(network=m.b, user=UserFactory(email="coord@noord-b.example")).user

    # The buyers: the fixture's French firm (large) and a Luxembourg bank that gave no size.
    buyer.size = BuyerSize.LARGE
    buyer.save()
    m.bank = BuyerFactory(name="Lux Bank", country="LU", created_by=buyer_admin)

    # Counted: 1,000 + 500 + 5,000 (and the award's 350 below).
    order(buyer, buyer_admin, m.bricks, "1000.00", "2026-01-10")
    order(m.bank, buyer_admin, m.caterers, "500.00", "2025-08-01")
    order(m.bank, buyer_admin, m.newbie, "5000.00", "2026-04-01")
    # Not counted: before Bricks joined, cancelled, credited, before the period, another network's member.
    order(buyer, buyer_admin, m.bricks, "300.00", "2025-08-01")
    part_status_set(part=order(buyer, buyer_admin, m.caterers, "200.00", "2026-02-02"), status=PartStatus.CANCELLED)
    credited = order(m.bank, buyer_admin, m.caterers, "400.00", "2026-03-03")
    part_status_set(part=credited, status=PartStatus.ACCEPTED)
    part_credit(part=credited, reason=CreditReason.REFUNDED)
    order(buyer, buyer_admin, m.bricks, "999.00", "2025-06-01")
    order(buyer, buyer_admin, m.dutch, "800.00", "2026-05-05")

    # Needs. In A's area and the period: catering in LU (Lux Caterers quotes after 10 hours and
    # wins, 350), reused materials in FR (Bricks declines after 48 hours), construction in FR
    # (Bricks has not answered). Elsewhere: catering in NL, a need of May 2025, a draft.
    m.need_lu = need_published(m, title="Lunches", country="LU", region=None, sectors=[m.catering])
    winner = quote(m.need_lu, m.caterers, ("Lunch", "10", "35.00", "17"))
    answered(m.need_lu, m.caterers, notified="2026-06-01", hours=10)
    services.need_award(need=past_deadline(m.need_lu), quote=winner, by=buyer_admin, details=checkout_details())
    m.need_fr = need_published(m, title="Bricks", sectors=[m.reuse])
    services.invitation_respond(
        invitation=m.need_fr.invitations.get(supplier=m.bricks), interested=False, reason="Fully booked"
    )
    answered(m.need_fr, m.bricks, notified="2026-05-04", hours=48)
    need_published(m, title="Walls", sectors=[m.construction])
    need_published(m, title="Dutch lunches", country="NL", region=None, sectors=[m.catering])
    old = need_published(m, title="Old bricks", sectors=[m.reuse])
    Need.objects.filter(pk=old.pk).update(published_at=at("2025-05-01"))
    Invitation.objects.filter(need=old).update(created_at=at("2025-05-01"))
    need_draft(m, title="Draft", sectors=[m.reuse])
    return m
