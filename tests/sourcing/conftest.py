"""A small market for sourcing: sectors in two levels, regions of France, suppliers that
do or do not match a need by sector, area served and verification, and a buyer."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from marketplace.sourcing import services
from marketplace.sourcing.models import Need
from marketplace.sourcing.services import QuoteLineData
from tests.factories import RegionFactory, SectorFactory, SupplierFactory, UserFactory


@pytest.fixture
def market(db, buyer, buyer_admin):
    m = SimpleNamespace(buyer=buyer, officer=buyer_admin)
    m.construction = SectorFactory(name="Construction")
    m.reuse = SectorFactory(name="Reused materials", parent=m.construction)
    m.renovation = SectorFactory(name="Renovation", parent=m.construction)
    m.food = SectorFactory(name="Food")
    m.catering = SectorFactory(name="Catering", parent=m.food)
    m.lorraine = RegionFactory(name="Lorraine", country="FR")
    m.alsace = RegionFactory(name="Alsace", country="FR")

    def supplier(name, sector, *, regions=(), countries=(), unverified=False):
        admin = UserFactory(email=f"admin@{name.lower().replace(' ', '-')}.example", first_name=name.split()[0])
        return SupplierFactory(
            name=name,
            region=m.lorraine,
            sectors=[sector],
            served_regions=list(regions),
            served_countries=list(countries),
            created_by=admin,
            unverified=unverified,
            employees=10,
            employees_vulnerable=6,
        )

    m.bricks = supplier("Bricks Again", m.reuse, regions=[m.lorraine])
    m.renovators = supplier("Renovators France", m.renovation, countries=["FR"])
    m.alsace_reuse = supplier("Alsace Reuse", m.reuse, regions=[m.alsace])
    m.caterers = supplier("Lorraine Caterers", m.catering, regions=[m.lorraine])
    m.unverified = supplier("Not Yet Verified", m.reuse, regions=[m.lorraine], unverified=True)
    return m


def admin_of(supplier):
    return supplier.memberships.get().user


def need_draft(market, **fields):
    values = {
        "buyer": market.buyer,
        "title": "Reused bricks for a canteen wall",
        "description": "About 2,000 reused bricks, delivered to our Metz site.",
        "country": "FR",
        "region": market.lorraine,
        "city": "Metz",
        "quantity": Decimal("2000"),
        "unit": "bricks",
        "deadline": timezone.now() + timedelta(days=7),
    }
    sectors = fields.pop("sectors", [market.construction])
    values.update(fields)
    return services.need_create(need=Need(**values), sectors=sectors, by=market.officer)


def need_published(market, **fields):
    return services.need_publish(need=need_draft(market, **fields), by=market.officer)


def lines(*rows):
    """(description, quantity, unit price, VAT rate) rows as quote lines."""
    return [
        QuoteLineData(description=d, quantity=Decimal(q), unit="piece", unit_price=Decimal(p), vat_rate=Decimal(v))
        for d, q, p, v in rows
    ]


def quote(need, supplier, *rows, days_valid=30):
    invitation = need.invitations.get(supplier=supplier)
    return services.quote_submit(
        invitation=invitation,
        by=admin_of(supplier),
        lines=lines(*rows),
        valid_until=timezone.localdate() + timedelta(days=days_valid),
        delivery_date=timezone.localdate() + timedelta(days=20),
        message=f"Our offer, {supplier.name}",
    )


def past_deadline(need):
    """The deadline passes (as time would)."""
    Need.objects.filter(pk=need.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    need.refresh_from_db()
    return need
