"""Demo needs and quotes, built through the sourcing services: an awarded need (its order
part sits with the winner), a need open for quotes with one quote in, a draft, and a need
awarded to a joint quote of two members of one network (a purchase with two parts).
Idempotent: once the buyer has needs, no other is added; once it has a joint quote, no
other joint quote either."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from marketplace.order.forms import CheckoutForm
from marketplace.order.services import CheckoutDetails
from marketplace.organisations.models import Region, Sector, Supplier
from marketplace.partner.vat import standard_rate
from marketplace.sourcing import joint, services
from marketplace.sourcing.models import Need, Quote
from marketplace.sourcing.selectors import joint_partner_candidates
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
JOINT_NEED = (
    "Clearing the old archive rooms for reuse", "construction", "LU", "", "Luxembourg",
    Decimal("1"), "site", Decimal("9000"),
    "Our Luxembourg archive rooms close: shelving and furniture to dismantle for reuse, then a deep clean "
    "before we hand the rooms back.",
)  # fmt: skip
# (description, quantity, unit, unit price, kind) of the lead's and of its partner's share.
JOINT_LINES = (
    [("Dismantling of shelving, sorted for reuse", "3", "day", "520.00", "service"),
     ("Reclaimed oak shelves, cleaned", "24", "piece", "35.00", "goods")],
    [("Deep cleaning of the emptied rooms", "2", "day", "480.00", "service")],
)  # fmt: skip

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


def _officer_of(supplier):
    # Most demo suppliers have no member: their quote is then nobody's in particular.
    membership = supplier.memberships.order_by("pk").first()
    return membership.user if membership else None


def _quote(need, supplier, lines):
    invitation = need.invitations.get(supplier=supplier)
    vat = standard_rate(supplier.country.code)
    return services.quote_submit(
        invitation=invitation,
        by=_officer_of(supplier),
        lines=[QuoteLineData(d, Decimal(q), u, Decimal(p), vat) for d, q, u, p in lines],
        valid_until=timezone.localdate() + timedelta(days=60),
        delivery_date=timezone.localdate() + timedelta(days=45),
        message=f"{supplier.name}: prices include delivery to {need.city}.",
    )


def _award_details(buyer, *, site: str, reference: str) -> CheckoutDetails:
    billing = {k: str(v) for k, v in CheckoutForm.initial_for(buyer, None).items() if k.startswith("billing_")}
    return CheckoutDetails(
        **billing,
        vat_id=buyer.vat_id,
        delivery_name=f"{buyer.name}, {site}",
        delivery_street_address="3 rue de l'Usine",
        delivery_postcode="4362",
        delivery_city="Esch-sur-Alzette",
        delivery_country="LU",
        purchase_order_reference=reference,
    )


def sourcing_demo(*, buyer, officer, demo_suppliers: dict) -> None:
    """`demo_suppliers` maps the demo supplier logins (supplier2, supplier3…) to their suppliers."""
    # Once the buyer has needs (the demo's, perhaps renamed, or its own), the demo adds none.
    if not Need.objects.filter(buyer=buyer).exists():
        _needs_demo(buyer=buyer, officer=officer, demo_suppliers=demo_suppliers)
    # The joint quote's need is found by its quote (its title may be renamed), or by its
    # title when no member of any network was invited to quote jointly.
    joint_done = Quote.objects.filter(need__buyer=buyer, joint=True).exists()
    if not joint_done and not buyer.needs.filter(title=JOINT_NEED[0]).exists():
        _joint_demo(buyer=buyer, officer=officer, demo_suppliers=demo_suppliers)


def _needs_demo(*, buyer, officer, demo_suppliers: dict) -> None:
    awarded = services.need_publish(need=_need(buyer, officer, NEEDS[0], deadline_days=10), by=officer)
    invited = Supplier.objects.filter(need_invitations__need=awarded).order_by("name")
    winner = demo_suppliers["supplier2"] if invited.filter(pk=demo_suppliers["supplier2"].pk).exists() else invited[0]
    others = [s for s in invited if s != winner][:1]
    quotes = [_quote(awarded, supplier, lines) for supplier, lines in zip([winner, *others], QUOTES, strict=False)]
    services.need_close(need=awarded)
    details = _award_details(buyer, site="canteen works", reference="PO-DEMO-NEED-1")
    services.need_award(need=awarded, quote=quotes[0], by=officer, details=details)

    open_need = services.need_publish(need=_need(buyer, officer, NEEDS[1], deadline_days=14), by=officer)
    cleaner = demo_suppliers["supplier3"]
    if open_need.invitations.filter(supplier=cleaner).exists():
        _quote(open_need, cleaner, [("Weekly evening cleaning, 600 m²", "13", "visit", "165.00")])

    _need(buyer, officer, NEEDS[2], deadline_days=21)


def _priced(rows, supplier) -> list[QuoteLineData]:
    vat = standard_rate(supplier.country.code)
    return [QuoteLineData(d, Decimal(q), u, Decimal(p), vat, kind=k) for d, q, u, p, k in rows]


def _joint_demo(*, buyer, officer, demo_suppliers: dict) -> None:
    """A joint quote led by an invited supplier (supplier2's, when invited) with a member
    of one of its networks (supplier3's, when it is one), sent, and awarded: a purchase
    with one order part for each."""
    need = services.need_publish(need=_need(buyer, officer, JOINT_NEED, deadline_days=10), by=officer)
    invited = Supplier.objects.filter(need_invitations__need=need).order_by("name")
    preferred = demo_suppliers["supplier2"]
    leads = sorted(invited, key=lambda supplier: supplier != preferred)
    lead = next((s for s in leads if joint_partner_candidates(s).exists()), None)
    if lead is None:
        return
    candidates = joint_partner_candidates(lead)
    partner_supplier = demo_suppliers["supplier3"]
    if not candidates.filter(pk=partner_supplier.pk).exists():
        partner_supplier = candidates.first()
    quote = joint.joint_quote_start(
        invitation=need.invitations.get(supplier=lead),
        by=_officer_of(lead),
        valid_until=timezone.localdate() + timedelta(days=60),
        delivery_date=timezone.localdate() + timedelta(days=40),
        message=f"{lead.name} and {partner_supplier.name}: dismantling for reuse, then cleaning.",
    )
    joint.joint_lines_save(role=joint.JointRole(quote=quote, supplier=lead), lines=_priced(JOINT_LINES[0], lead))
    partner = joint.joint_partner_invite(quote=quote, supplier=partner_supplier, by=_officer_of(lead))
    partner = joint.joint_partner_respond(partner=partner, accept=True)
    joint.joint_lines_save(
        role=joint.JointRole(quote=quote, supplier=partner_supplier, partner=partner),
        lines=_priced(JOINT_LINES[1], partner_supplier),
        ready=True,
    )
    quote = joint.joint_quote_submit(
        quote=quote,
        by=_officer_of(lead),
        valid_until=quote.valid_until,
        delivery_date=quote.delivery_date,
        message=quote.message,
    )
    services.need_close(need=need)
    details = _award_details(buyer, site="archive rooms", reference="PO-DEMO-JOINT")
    services.need_award(need=need, quote=quote, by=officer, details=details)
