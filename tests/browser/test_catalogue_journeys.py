"""Browser journey of the catalogue: a supplier lists a service in the Oscar
dashboard, a buyer finds it in the shop by its facets."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def test_supplier_lists_a_service_and_a_buyer_finds_it_by_facet(live_server, demo_world, page):
    title = "Zero-waste event catering, per guest"

    # The supplier lists the service in the dashboard.
    sign_in(page, live_server, "supplier@example.com")
    page.goto(live_server.url + "/shop/dashboard/catalogue/")
    page.select_option("select[name=product_class]", label="Service")
    page.get_by_role("button", name="New Product").click()
    expect(page).to_have_url(re.compile(r"/products/create/service/"))
    page.get_by_label("Title").first.fill(title)
    page.get_by_role("link", name="Categories").click()
    page.select_option("#id_productcategory_set-0-category", label="Food > Catering", force=True)
    page.get_by_role("link", name="Attributes").click()
    page.select_option("#id_attr_pricing_unit", label="per day", force=True)
    page.get_by_role("link", name="Stock and pricing").click()
    page.locator("#id_stockrecords-0-partner_sku").fill("ZW-CATER-1")
    page.locator("#id_stockrecords-0-price").fill("640.00")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text(title)
    page.context.clear_cookies()  # the buyer comes with their own session

    # A buyer finds it: services, sold from Luxembourg, newest first.
    sign_in(page, live_server, "buyer@example.com")
    page.goto(live_server.url + "/shop/catalogue/")
    heading = page.locator("#results-heading")
    everything = heading.inner_text()
    page.get_by_role("checkbox", name=re.compile("^Service")).click()
    expect(page).to_have_url(re.compile(r"kind=service"))
    expect(heading).not_to_have_text(everything)
    page.get_by_role("checkbox", name=re.compile("^Luxembourg")).click()
    expect(page).to_have_url(re.compile(r"country=LU"))
    page.get_by_label("Sort by").select_option("newest")
    expect(page).to_have_url(re.compile(r"sort=newest"))
    first = page.locator(".product-card").first
    expect(first.locator(".card-title")).to_have_text(title)
    expect(first).to_contain_text("€640.00 excl. VAT")
    expect(first).to_contain_text("VAT 17 %")  # Luxembourg's standard rate
    expect(first).to_contain_text("per day")

    first.locator(".card-title a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert page.problems == []
