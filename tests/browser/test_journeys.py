import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_finds_a_supplier_and_one_of_its_products(live_server, demo_world, page):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buy from social enterprises")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Suppliers").click()
    expect(page).to_have_url(re.compile(r"/suppliers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Social enterprises")

    card = page.locator(".supplier-card").first
    supplier_name = card.locator("h3 a").inner_text()
    card.locator("h3 a").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(supplier_name)
    expect(page.get_by_role("heading", name="Impact")).to_be_visible()

    product_link = page.locator("#products .product-row a").first
    product_title = product_link.inner_text()
    product_link.click()
    expect(page).to_have_url(re.compile(r"/shop/catalogue/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(product_title)
    expect(page.get_by_role("button", name=re.compile("Add to"))).to_be_visible()

    assert page.problems == []
