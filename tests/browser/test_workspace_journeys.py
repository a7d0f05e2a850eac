"""Browser journeys of the supplier workspace and of buying by keyboard, on the demo
data: a supplier confirms and ships an order part on a phone and imports a spreadsheet
with a bad row and then a good one; a buyer contacts a supplier; a buyer checks out
from two suppliers with the keyboard only."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from catalogue.attributes import minimum_order_quantity
from marketplace.order.services import purchase_place
from marketplace.organisations.models import Buyer, Supplier
from marketplace.sourcing.models import Thread
from tests.browser.helpers import follow, settle, sign_in, visit
from tests.browser.test_ordering_journeys import buyable_product
from tests.order.helpers import basket_with, checkout_details

User = get_user_model()

pytestmark = pytest.mark.browser


def test_a_supplier_confirms_and_ships_an_order_part_on_a_phone(live_server, demo_world, page):
    page.set_viewport_size({"width": 360, "height": 800})
    supplier = Supplier.objects.get(memberships__user__email="supplier@example.com")
    _supplier, product = buyable_product("supplier@example.com", "goods")
    officer = User.objects.get(email="buyer@example.com")
    purchase = purchase_place(
        basket=basket_with(officer, (product, minimum_order_quantity(product))), user=officer,
        buyer=Buyer.objects.get(memberships__user=officer), details=checkout_details(), payment_method="invoice",
    )  # fmt: skip
    part = purchase.parts.get()
    sign_in(page, live_server, "supplier@example.com")
    visit(page, live_server.url + "/workspace/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(supplier.name)
    follow(page, page.get_by_role("link", name="Order parts"))
    follow(page, page.get_by_role("link", name=part.number).first)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    follow(page, page.get_by_role("button", name="Confirm the order part"))
    follow(page, page.get_by_role("button", name="Mark as dispatched"))
    part.refresh_from_db()
    assert part.status == "Shipped"
    expect(page.locator("body")).to_contain_text("Dispatched")
    assert not page.problems, page.problems


def test_a_supplier_imports_a_spreadsheet_bad_rows_first(live_server, demo_world, page, tmp_path):
    supplier = Supplier.objects.get(memberships__user__email="supplier@example.com")
    sign_in(page, live_server, "supplier@example.com")
    visit(page, live_server.url + f"/workspace/{supplier.slug}/products/")
    follow(page, page.get_by_role("link", name="Import from a spreadsheet"))
    bad = tmp_path / "catalogue.csv"
    bad.write_text("kind;title;category;sku;price;stock;unit\n"
                   "goods;Jar of honey;Food;HONEY-1;6.50;30;jar\n"
                   "goods;;Food;HONEY-2;x;3;jar\n", encoding="utf-8")  # fmt: skip
    page.get_by_label("Spreadsheet").set_input_files(str(bad))
    follow(page, page.get_by_role("button", name="Preview"))
    expect(page.locator("#import-rows")).to_contain_text("Title is required.")
    expect(page.get_by_role("button", name="Import these products")).to_have_count(0)
    follow(page, page.get_by_role("link", name="Upload a corrected file"))
    good = tmp_path / "catalogue-fixed.csv"
    good.write_text("kind;title;category;sku;price;stock;unit\ngoods;Jar of honey;Food;HONEY-1;6.50;30;jar\n")
    page.get_by_label("Spreadsheet").set_input_files(str(good))
    follow(page, page.get_by_role("button", name="Preview"))
    follow(page, page.get_by_role("button", name="Import these products"))
    expect(page.locator(".product-list")).to_contain_text("Jar of honey")
    assert not page.problems, page.problems


def test_a_buyer_contacts_a_supplier_from_its_profile(live_server, demo_world, page):
    supplier, _product = buyable_product("supplier2@example.com", "goods")
    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + supplier.get_absolute_url())
    follow(page, page.get_by_role("link", name="Contact this supplier"))
    page.get_by_label("Subject").fill("Weekly delivery")
    page.get_by_label("Message").fill("Could you deliver to our office every Monday?")
    follow(page, page.get_by_role("button", name="Send"))
    expect(page.locator("body")).to_contain_text("Could you deliver to our office every Monday?")
    assert Thread.objects.filter(supplier=supplier, subject="Weekly delivery").exists()
    assert not page.problems, page.problems


def press(page, locator, key="Enter"):
    """What a keyboard user does: move the focus there, then press the key."""
    locator.focus()
    expect(locator).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press(key)
    settle(page)


def test_a_buyer_checks_out_from_two_suppliers_with_the_keyboard_only(live_server, demo_world, page):
    items = [buyable_product("supplier@example.com", "goods"), buyable_product("supplier2@example.com", "goods")]
    sign_in(page, live_server, "buyer@example.com")
    for _supplier, product in items:
        visit(page, live_server.url + product.get_absolute_url())
        press(page, page.locator("#add_to_basket_form button[type=submit]"))
    visit(page, live_server.url + "/shop/basket/")
    expect(page.locator(".basket-supplier")).to_have_count(2)
    press(page, page.locator("a[href='/shop/checkout/']").first)
    press(page, page.get_by_role("button", name="Place order"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Purchase \d+"))
    expect(page.locator(".purchase-part")).to_have_count(2)
    assert not page.problems, page.problems
