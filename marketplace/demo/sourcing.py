"""Demo needs and quotes, built through the sourcing services: an awarded need (its order
part sits with the winner), a need open for quotes with one quote in, and a draft.
Idempotent: a need of the same title is left alone."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from marketplace.order.forms import CheckoutForm
from marketplace.order.services import CheckoutDetails
from marketplace.organisations.models import Region, Sector, Supplier
from marketplace.partner.vat import standard_rate
from marketplace.sourcing import services
from marketplace.sourcing.models import Need
from marketplace.sourcing.services import QuoteLineData

# (title, sector slug, country, region slug or "", town, quantity, unit, budget max, description)
NEEDS = [
    ("Reused bricks and tiles for the canteen renovation", "construction", "LU", "", "Esch-sur-Alzette",
     Decimal("40"), "m² of wall", Decimal("6000"),
     "We renovate the staff canteen of our Esch-sur-Alzette office and want reused materials: about 40 m² of "
     "reclaimed bricks and matching floor tiles, delivered and, if you offer it, laid."),
    ("Weekly office cleaning in Luxembourg", "cleaning-facility", "LU", "", "Luxembourg",
     None, "", Decimal("2500"),
     "Weekly cleaning of our 600 m² sales office in Luxembourg City, evenings, from next quarter."),
    ("Catering for the summer staff party", "food", "FR", "lorraine", "Thionville",
     Decimal("300"), "meals", None,
     "A local buffet for 300 people in June, vegetarian options included."),
]  # fmt: skip

# Lines each quoting supplier offers for the first need: (description, quantity, unit, unit price).
QUOTES = [
    [("Reclaimed bricks, cleaned", "40", "m²", "62.00"), ("Laying by our integration team", "40", "m²", "48.00")],
    [("Reclaimed bricks and tiles", "40", "m²", "71.00"), ("Laying", "40", "m²", "45.00")],
]


def _need(buyer, officer, spec, *, deadline_days):
    title, sector, country, region, town, quantity, unit, budget, description = spec
    need = Need(
        buyer=buyer,
        title=title,
        description=description,
        country=country,
        region=Region.objects.filter(slug=region).first() if region else None,
        city=town,
        quantity=quantity,
        unit=unit,
        budget_max=budget,
        deadline=timezone.now() + timedelta(days=deadline_days),
    )
    return services.need_create(need=need, sectors=[Sector.objects.get(slug=sector)], by=officer)


def _quote(need, supplier, lines, officer_of):
    invitation = need.invitations.get(supplier=supplier)
    vat = standard_rate(supplier.country.code)
    return services.quote_submit(
        invitation=invitation,
        by=officer_of(supplier),
        lines=[QuoteLineData(d, Decimal(q), u, Decimal(p), vat) for d, q, u, p in lines],
        valid_until=timezone.localdate() + timedelta(days=60),
        delivery_date=timezone.localdate() + timedelta(days=45),
        message=f"{supplier.name}: prices include delivery to {need.city}.",
    )


def sourcing_demo(*, buyer, officer, demo_suppliers: dict) -> None:
    """`demo_suppliers` maps the demo supplier logins (supplier2, supplier3…) to their suppliers."""
    # Once the buyer has needs (the demo's, perhaps renamed, or its own), the demo adds none.
    if Need.objects.filter(buyer=buyer).exists():
        return

    def officer_of(supplier):
        # Most demo suppliers have no member: their quote is then nobody's in particular.
        membership = supplier.memberships.order_by("pk").first()
        return membership.user if membership else None

    awarded = services.need_publish(need=_need(buyer, officer, NEEDS[0], deadline_days=10), by=officer)
    invited = Supplier.objects.filter(need_invitations__need=awarded).order_by("name")
    winner = demo_suppliers["supplier2"] if invited.filter(pk=demo_suppliers["supplier2"].pk).exists() else invited[0]
    others = [s for s in invited if s != winner][:1]
    quotes = [
        _quote(awarded, supplier, lines, officer_of) for supplier, lines in zip([winner, *others], QUOTES, strict=False)
    ]
    services.need_close(need=awarded)
    billing = {k: str(v) for k, v in CheckoutForm.initial_for(buyer, None).items() if k.startswith("billing_")}
    details = CheckoutDetails(
        **billing,
        vat_id=buyer.vat_id,
        delivery_name=f"{buyer.name}, canteen works",
        delivery_street_address="3 rue de l'Usine",
        delivery_postcode="4362",
        delivery_city="Esch-sur-Alzette",
        delivery_country="LU",
        purchase_order_reference="PO-DEMO-NEED-1",
    )
    services.need_award(need=awarded, quote=quotes[0], by=officer, details=details)

    open_need = services.need_publish(need=_need(buyer, officer, NEEDS[1], deadline_days=14), by=officer)
    cleaner = demo_suppliers["supplier3"]
    if open_need.invitations.filter(supplier=cleaner).exists():
        _quote(open_need, cleaner, [("Weekly evening cleaning, 600 m²", "13", "visit", "165.00")], officer_of)

    _need(buyer, officer, NEEDS[2], deadline_days=21)
