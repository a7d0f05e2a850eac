"""Browser journey of sourcing on the demo data: a buyer posts a need, two social
enterprises quote, the buyer compares and awards one; the winner finds the order part in
its workspace and the buyer's impact report shows the spend."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.sourcing.models import Need
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser

TITLE = "Clearing and cleaning our old warehouse"
QUOTES = {  # login: (line, quantity, unit price)
    "supplier2@example.com": ("Dismantling and reuse of shelving", "3", "450.00"),
    "supplier3@example.com": ("Deep cleaning after the clear-out", "2", "800.00"),
}


def send_quote(page, live_server, email, need):
    sign_in(page, live_server, email)
    visit(page, live_server.url + "/needs/invitations/")
    follow(page, page.get_by_role("link", name=TITLE))
    follow(page, page.get_by_role("link", name="Send a quote"))
    description, quantity, price = QUOTES[email]
    page.locator("[name=lines-0-description]").fill(description)
    page.locator("[name=lines-0-quantity]").fill(quantity)
    page.locator("[name=lines-0-unit]").fill("day")
    page.locator("[name=lines-0-unit_price]").fill(price)
    page.get_by_label("Valid until").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_label("Delivery date").fill((timezone.localdate() + timedelta(days=21)).isoformat())
    follow(page, page.get_by_role("button", name="Send the quote"))
    expect(page.locator("body")).to_contain_text("Your quote is sent. Only the buyer sees it.")


def test_buyer_posts_a_need_two_suppliers_quote_and_the_award_becomes_an_order(live_server, demo_world, page):
    # The buyer describes the need; the form counts the suppliers it would reach.
    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + "/needs/new/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What you need").fill(
        "Our Esch warehouse closes: shelving to dismantle for reuse, then cleaning."
    )
    page.get_by_label("Reused construction materials").check()
    page.get_by_label("Office cleaning").check()
    page.get_by_label("Country of delivery").select_option("LU")
    expect(page.locator("#match-count")).to_contain_text(re.compile(r"\d+ verified suppliers? work"))
    page.get_by_label("Quantity").fill("1")
    page.get_by_label("Unit", exact=True).fill("warehouse")
    deadline = timezone.localtime() + timedelta(days=7)
    page.get_by_label("Quotes due by").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    follow(page, page.get_by_role("button", name="Save the draft"))
    expect(page.locator("body")).to_contain_text("Your need is saved as a draft")
    follow(page, page.get_by_role("button", name="Publish"))
    expect(page.locator("body")).to_contain_text(re.compile(r"being sent to \d+ verified suppliers"))
    need = Need.objects.get(title=TITLE)

    # Two social enterprises quote; neither sees the other's quote.
    for email in QUOTES:
        send_quote(page, live_server, email, need)
    expect(page.locator("body")).not_to_contain_text("Dismantling and reuse of shelving")

    # The buyer stops taking quotes, compares them side by side and awards the cheaper one.
    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + need.get_absolute_url())
    expect(page.locator(".invitation-table")).to_contain_text("Quoted")
    follow(page, page.get_by_role("button", name="Stop taking quotes now"))
    follow(page, page.get_by_role("link", name="Compare quotes").first)
    columns = page.locator(".quote-column")
    expect(columns).to_have_count(2)
    expect(page.locator(".total-net")).to_have_text(["€1,350.00", "€1,600.00"])
    winner = columns.first.get_attribute("data-supplier")
    follow(page, page.get_by_role("link", name=f"Award to {winner}"))
    expect(page.get_by_label("VAT ID")).to_have_value("FR46401234562")  # prefilled from the organisation
    follow(page, page.get_by_role("button", name="Award and place the order"))
    expect(page.locator("body")).to_contain_text(f"Awarded to {winner}")
    part_number = page.locator(".purchase-part .small").first.inner_text().strip()
    expect(page.locator(".part-status")).to_have_text(["Placed"])

    # The winner finds the order part in its workspace; the other does not.
    sign_in(page, live_server, "supplier2@example.com")
    visit(page, live_server.url + "/workspace/")
    follow(page, page.get_by_role("link", name="Order parts"))
    expect(page.locator("body")).to_contain_text(part_number)
    follow(page, page.get_by_role("link", name=part_number).first)
    expect(page.locator("body")).to_contain_text("Dismantling and reuse of shelving")
    sign_in(page, live_server, "supplier3@example.com")
    visit(page, live_server.url + "/workspace/")
    follow(page, page.get_by_role("link", name="Order parts"))
    expect(page.locator("body")).not_to_contain_text(part_number)

    # The buyer's impact report counts the awarded spend, with its charts drawn.
    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + "/impact/")
    # "€1,350.00" as English writes it
    awarded = Decimal(
        page.locator("[data-figure=awarded_spend]").inner_text().strip("€").replace(",", "")
    )  # "€1,350.00"
    assert awarded >= Decimal("1350.00")
    expect(page.locator("#breakdown-sector")).to_contain_text("Construction")
    page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length > 0")
    assert page.problems == []
