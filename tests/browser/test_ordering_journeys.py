"""Browser journey of ordering: a buyer fills one basket from three social
enterprises and checks out once by invoice; each supplier sees, confirms and
dispatches only its own part in its workspace; the buyer follows every part's status."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.organisations.models import Supplier
from marketplace.partner.strategy import Selector
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser

SUPPLIERS = ("supplier@example.com", "supplier2@example.com", "supplier3@example.com")


def buyable_product(email, kind):
    """The first product of the supplier administered by `email` that can be ordered online."""
    supplier = Supplier.objects.get(memberships__user__email=email)
    strategy = Selector().strategy()
    for record in supplier.partner.stockrecords.select_related("product__product_class").order_by("pk"):
        product = record.product
        if product.product_class.slug == kind and strategy.fetch_for_product(product).availability.is_available_to_buy:
            return supplier, product
    raise AssertionError(f"{supplier} sells no {kind} that can be ordered")


def test_buyer_orders_from_three_suppliers_who_each_handle_their_part(live_server, demo_world, page):
    items = [
        buyable_product("supplier@example.com", "goods"),
        buyable_product("supplier2@example.com", "goods"),
        buyable_product("supplier3@example.com", "service"),
    ]

    # The buyer fills one basket from three social enterprises.
    sign_in(page, live_server, "buyer@example.com")
    for _supplier, product in items:
        page.goto(live_server.url + product.get_absolute_url())
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(live_server.url + "/shop/basket/")
    groups = page.locator(".basket-supplier")
    expect(groups).to_have_count(3)
    for supplier, product in items:
        expect(page.locator(".basket-supplier", has_text=supplier.name)).to_contain_text(product.get_title())

    # One checkout, by invoice, with the buyer's own reference.
    page.locator("#content_inner a[href='/shop/checkout/']").click()
    expect(page.get_by_role("heading", name="Checkout")).to_be_visible()
    expect(page.get_by_label("VAT ID")).to_have_value("FR46401234562")  # prefilled from the organisation
    page.get_by_label("Your purchase order reference").fill("PO-JOURNEY-9")
    page.get_by_label(f"Note to {items[2][0].name}").fill("Please come before 8 am.")
    expect(page.locator(".checkout-totals")).to_contain_text("Gross")
    page.get_by_role("button", name="Place order").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Purchase \d+"))
    number = page.get_by_role("heading", level=1).inner_text().split()[-1]
    parts = page.locator(".purchase-part")
    expect(parts).to_have_count(3)
    expect(page.locator(".part-status")).to_have_text(["Placed"] * 3)
    expect(page.locator("body")).to_contain_text("PO-JOURNEY-9")

    # Each supplier sees only its own part in its workspace, confirms it and dispatches it.
    for email, (supplier, product) in zip(SUPPLIERS, items, strict=True):
        sign_in(page, live_server, email)
        visit(page, live_server.url + f"/workspace/{supplier.slug}/orders/")
        own = f"{number}-{items.index((supplier, product)) + 1}"
        expect(page.locator("body")).to_contain_text(own)
        for other in {f"{number}-{i}" for i in (1, 2, 3)} - {own}:
            expect(page.locator("body")).not_to_contain_text(other)
        follow(page, page.get_by_role("link", name=own).first)
        expect(page.locator("body")).to_contain_text(product.get_title())
        for _other_supplier, other_product in items:
            if other_product != product:
                expect(page.locator("body")).not_to_contain_text(other_product.get_title())
        for button, status in (("Confirm the order part", "Confirmed"), ("Mark as dispatched", "Dispatched")):
            follow(page, page.get_by_role("button", name=button))
            expect(page.locator("body")).to_contain_text(f"is now “{status}”")

    # The buyer sees every part dispatched.
    sign_in(page, live_server, "buyer@example.com")
    page.goto(live_server.url + f"/shop/purchases/{number}/")
    expect(page.locator(".part-status")).to_have_text(["Dispatched"] * 3)
    expect(page.locator(".purchase-part").first).to_contain_text("Invoice")
    assert page.problems == []
