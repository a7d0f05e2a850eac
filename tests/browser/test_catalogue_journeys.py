"""Browser journey of the catalogue: a supplier lists a service, with a photo and its
description for screen readers, in its workspace; a buyer finds it in the shop by its
facets and sees the photo described."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser


def test_supplier_lists_a_service_and_a_buyer_finds_it_by_facet(live_server, demo_world, page, tmp_path):
    title = "Zero-waste event catering, per guest"
    alt_text = "A buffet of local dishes served in glass jars"
    photo = tmp_path / "buffet.png"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "#2e7d32").save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())

    # The supplier lists the service in its workspace.
    sign_in(page, live_server, "supplier@example.com")
    visit(page, live_server.url + "/workspace/")
    follow(page, page.get_by_role("link", name="Products", exact=True))
    follow(page, page.get_by_role("link", name="Add goods or a service"))
    page.get_by_label("A service").check()
    page.locator("#id_title").fill(title)  # the name in the supplier's own language (others: "Name in …")
    page.get_by_label("Category").select_option(label="Food > Catering")
    page.get_by_label("Priced").select_option(label="per day")
    page.get_by_label("Price excl. VAT (€)").fill("640.00")
    page.get_by_label("VAT rate").select_option(value="")  # the standard rate
    page.get_by_label("Photo", exact=True).set_input_files(str(photo))
    page.get_by_label("Description for screen readers").fill(alt_text)
    follow(page, page.get_by_role("button", name="Save"))
    expect(page.locator("body")).to_contain_text(f"“{title}” is saved.")
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
    expect(page.get_by_role("img", name=alt_text)).to_be_visible()
    assert page.problems == []
