"""Joint quotes for the sourcing tests, made through the services as suppliers make them."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from marketplace.sourcing import joint
from marketplace.sourcing.models import QuotePartner
from tests.factories import NetworkFactory, NetworkMembershipFactory, SupplierFactory, UserFactory
from tests.sourcing.conftest import admin_of, lines


def joint_network(market):
    """A network of Bricks Again (FR, the lead), Saar Reuse (Germany), Lux Upcycling
    (Luxembourg) and an unverified member; neither partner is invited to French needs.
    Renovators France and Alsace Reuse are in none of its networks."""

    def member(name, country):
        admin = UserFactory(email=f"admin@{name.lower().replace(' ', '-')}.example", first_name=name.split()[0])
        return SupplierFactory(
            name=name, country=country, sectors=[market.reuse], served_countries=[country], created_by=admin
        )

    saar, lux = member("Saar Reuse", "DE"), member("Lux Upcycling", "LU")
    unverified = SupplierFactory(name="Pending Member", sectors=[market.reuse], unverified=True)
    network = NetworkFactory(name="SSE Cluster Test", countries=["FR", "DE", "LU"])
    for supplier in (market.bricks, saar, lux, unverified):
        NetworkMembershipFactory(network=network, supplier=supplier)
    NetworkMembershipFactory(supplier=market.alsace_reuse)  # a network of its own
    return SimpleNamespace(network=network, saar=saar, lux=lux, unverified=unverified)


def joint_started(need, lead):
    today = timezone.localdate()
    return joint.joint_quote_start(
        invitation=need.invitations.get(supplier=lead),
        by=admin_of(lead),
        valid_until=today + timedelta(days=30),
        delivery_date=today + timedelta(days=20),
    )


def partner_of(quote, supplier, *, accept=False) -> QuotePartner:
    """`supplier` invited into the joint quote by its lead, and taking part if `accept`."""
    partner = joint.joint_partner_invite(quote=quote, supplier=supplier, by=admin_of(quote.supplier))
    if accept:
        partner = joint.joint_partner_respond(partner=partner, accept=True)
    return partner


def role_of(quote, supplier) -> joint.JointRole:
    return joint.joint_role(user=admin_of(supplier), quote=quote)


def partner_lines(partner, *rows, ready=False):
    """The partner prices its lines: (description, quantity, unit price, VAT rate) rows."""
    return joint.joint_lines_save(role=role_of(partner.quote, partner.supplier), lines=lines(*rows), ready=ready)


def lead_lines(quote, *rows):
    """The lead prices its own lines in its joint quote."""
    return joint.joint_lines_save(role=role_of(quote, quote.supplier), lines=lines(*rows))
