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


def facet_option(page, facet, label):
    """A facet's option: "France" is both a country and an area served."""
    return page.locator(f"#facet-{facet}").locator("xpath=..").get_by_role("checkbox", name=re.compile(f"^{label}"))


def facet_count(page, facet, label):
    return int(facet_option(page, facet, label).locator(".facet-count").inner_text())


def test_buyer_narrows_the_directory_by_sector_then_country_and_goes_back(live_server, demo_world, page):
    page.goto(live_server.url + "/suppliers/")
    heading = page.locator("#results-heading")
    everything = heading.inner_text()
    france_everywhere = facet_count(page, "country", "France")

    page.get_by_role("checkbox", name=re.compile("^Food")).click()
    expect(page).to_have_url(re.compile(r"sector=food"))
    expect(heading).not_to_have_text(everything)
    food_only = heading.inner_text()
    france_in_food = facet_count(page, "country", "France")
    assert france_in_food < france_everywhere
    expect(page.get_by_role("checkbox", name=re.compile("^Food"))).to_have_attribute("aria-checked", "true")

    facet_option(page, "country", "France").click()
    expect(page).to_have_url(re.compile(r"sector=food.*country=FR|country=FR.*sector=food"))
    expect(heading).to_have_text(re.compile(rf"^\s*{france_in_food} social enterprise"))
    cards = page.locator(".supplier-card")
    expect(cards).to_have_count(france_in_food)
    for subtitle in cards.locator(".card-subtitle").all_inner_texts():
        assert subtitle.endswith("France")
    # The country facet ignores its own selection: Luxembourg is still offered with its count.
    assert facet_count(page, "country", "Luxembourg") > 0

    page.go_back()
    expect(page).to_have_url(re.compile(r"/suppliers/\?sector=food$"))
    expect(heading).to_have_text(food_only)
    expect(facet_option(page, "country", "France")).to_have_attribute("aria-checked", "false")

    page.go_back()
    expect(heading).to_have_text(everything)
    assert page.problems == []
