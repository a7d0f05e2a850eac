"""Browser journey of a joint quote on the demo data: a social enterprise invited to a
need starts a joint quote and invites a member of its network; the partner accepts from
its workspace and prices its line; the lead sends the quote; the buyer sees each
supplier's share and awards it, which places one order part per supplier."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.organisations.models import Buyer, Network, NetworkMembership, Supplier
from marketplace.sourcing import joint, services
from marketplace.sourcing.models import Need
from marketplace.sourcing.services import QuoteLineData
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser
User = get_user_model()

TITLE = "Refitting our Esch meeting rooms with reused furniture"


def demo_need_and_partners(title=TITLE):
    """A need of the demo buyer that reaches supplier2's enterprise (the lead), whose
    network supplier3's enterprise (the partner) is made a member of."""
    lead = Supplier.objects.get(memberships__user__email="supplier2@example.com")
    partner = Supplier.objects.get(memberships__user__email="supplier3@example.com")
    network = lead.networks.order_by("pk").first() or Network.objects.order_by("pk").first()
    NetworkMembership.objects.get_or_create(network=network, supplier=lead)
    NetworkMembership.objects.get_or_create(network=network, supplier=partner)
    officer = User.objects.get(email="buyer@example.com")
    need = Need(
        buyer=Buyer.objects.get(memberships__user=officer),
        title=title,
        description="Tables and shelves from reuse, delivered and fitted, then a clean.",
        country=lead.country,
        quantity=Decimal("1"),
        unit="site",
        deadline=timezone.now() + timedelta(days=7),
    )
    need = services.need_create(need=need, sectors=list(lead.sectors.all()), by=officer)
    return services.need_publish(need=need, by=officer), lead, partner


def joint_quote_prepared(title):
    """supplier2's joint quote on a new need, in preparation, with its own line and
    supplier3's enterprise taking part: the pages its lead and partner work on."""
    need, lead, partner = demo_need_and_partners(title)
    lead_user = User.objects.get(email="supplier2@example.com")
    quote = joint.joint_quote_start(
        invitation=need.invitations.get(supplier=lead),
        by=lead_user,
        valid_until=timezone.localdate() + timedelta(days=30),
        delivery_date=timezone.localdate() + timedelta(days=21),
    )
    line = QuoteLineData("Reused tables, restored", Decimal("2"), "day", Decimal("600.00"), Decimal("17"))
    joint.joint_lines_save(role=joint.JointRole(quote=quote, supplier=lead), lines=[line])
    invited = joint.joint_partner_invite(quote=quote, supplier=partner, by=lead_user)
    joint.joint_partner_respond(partner=invited, accept=True)
    return need, quote


def price_line(page, description, quantity, price):
    page.locator("[name=lines-0-description]").fill(description)
    page.locator("[name=lines-0-quantity]").fill(quantity)
    page.locator("[name=lines-0-unit]").fill("day")
    page.locator("[name=lines-0-unit_price]").fill(price)


def test_a_lead_and_its_partner_quote_together_and_the_award_gives_each_its_part(live_server, demo_world, page):
    need, lead, partner = demo_need_and_partners()

    # The lead starts a joint quote with its terms, invites its partner and prices its line.
    sign_in(page, live_server, "supplier2@example.com")
    visit(page, live_server.url + need.get_absolute_url())
    follow(page, page.get_by_role("link", name="Quote jointly with partners of your networks"))
    page.get_by_label("Valid until").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_label("Delivery date").fill((timezone.localdate() + timedelta(days=21)).isoformat())
    follow(page, page.get_by_role("button", name="Start the joint quote"))
    expect(page.locator("body")).to_contain_text("Your joint quote is started")
    page.get_by_label("Partner to invite").select_option(label=partner.name)
    follow(page, page.get_by_role("button", name="Invite", exact=True))
    expect(page.locator(".joint-partners")).to_contain_text("Invited, no answer yet")
    follow(page, page.get_by_role("link", name="Price your lines"))
    price_line(page, "Reused tables, restored", "2", "600.00")
    follow(page, page.get_by_role("button", name="Save your lines"))
    expect(page.locator("body")).to_contain_text("Your lines are saved.")

    # The partner accepts from its workspace, prices its own line and says it is ready.
    sign_in(page, live_server, "supplier3@example.com")
    visit(page, live_server.url + "/workspace/")
    follow(page, page.get_by_role("link", name="Quotes and messages"))
    row = page.locator(".joint-quote-row", has_text=TITLE)
    expect(row.locator(".joint-role")).to_have_text("Partner")
    follow(page, row.get_by_role("button", name="We take part"))
    expect(page.locator("body")).to_contain_text("You take part")
    expect(page.locator(".quote-shares")).to_contain_text("Reused tables, restored")
    follow(page, page.get_by_role("link", name="Price your lines"))
    expect(page.locator("[name=lines-0-description]")).to_have_value("")  # not the lead's line
    price_line(page, "Cleaning after the works", "1", "400.00")
    page.get_by_label("Our lines are ready to be sent").check()
    follow(page, page.get_by_role("button", name="Save your lines"))
    expect(page.locator(".joint-partners")).to_contain_text("Lines ready")

    # The lead sends the joint quote.
    sign_in(page, live_server, "supplier2@example.com")
    visit(page, live_server.url + "/workspace/")
    follow(page, page.get_by_role("link", name="Quotes and messages"))
    follow(page, page.locator(".joint-quote-row", has_text=TITLE).get_by_role("link", name=TITLE))
    follow(page, page.get_by_role("button", name="Send the joint quote"))
    expect(page.locator("body")).to_contain_text("The joint quote is sent.")

    # The buyer sees one quote with each supplier's share and awards it.
    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + need.get_absolute_url())
    follow(page, page.get_by_role("button", name="Stop taking quotes now"))
    follow(page, page.get_by_role("link", name="Compare quotes").first)
    column = page.locator(".quote-column", has_text=lead.name)
    expect(column).to_contain_text(f"Joint quote with {partner.name}")
    expect(page.locator(".share-subtotal")).to_have_count(2)
    follow(page, page.get_by_role("link", name=f"Award to {lead.name}"))
    expect(page.locator(".quote-share")).to_have_count(2)
    follow(page, page.get_by_role("button", name="Award and place the order"))
    expect(page.locator("body")).to_contain_text(f"Awarded to the joint quote of {lead.name}")
    expect(page.locator(".purchase-part")).to_have_count(2)
    expect(page.locator("body")).to_contain_text(lead.name)
    expect(page.locator("body")).to_contain_text(partner.name)
    assert page.problems == []
