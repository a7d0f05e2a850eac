"""Browser journey of a card payment against localstripe, the local fake Stripe
server: its Stripe.js stand-in draws the card fields in the pay page."""

import pytest
from playwright.sync_api import expect

from marketplace.order.models import PartStatus, Purchase
from tests.browser.helpers import sign_in
from tests.browser.test_ordering_journeys import buyable_product

# Card payments pointed at a localstripe server of this session, as in tests/payments.
from tests.payments.conftest import fake_stripe, localstripe_url  # noqa: F401

pytestmark = pytest.mark.browser


def fill_card(page, number):
    for placeholder, value in (("number", number), ("exp_month", "12"), ("exp_year", "30"), ("cvc", "123")):
        page.locator(f"#payment-element input[placeholder={placeholder}]").fill(value)


def check_out_by_card(page, live_server):
    page.goto(live_server.url + "/shop/checkout/")
    page.get_by_label("By card").check()
    page.get_by_role("button", name="Place order").click()
    expect(page.get_by_role("heading", name="Pay by card")).to_be_visible()


def test_declined_card_keeps_the_basket_then_a_good_card_pays(live_server, demo_world, fake_stripe, page):  # noqa: F811
    _supplier, product = buyable_product("supplier@example.com", "goods")
    sign_in(page, live_server, "buyer@example.com")
    page.goto(live_server.url + product.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    check_out_by_card(page, live_server)

    # A declined card: the buyer is told; giving up brings the basket back as it was.
    fill_card(page, "4000000000000341")  # localstripe declines it when charged
    page.locator("#pay-button").click()
    expect(page.locator("#payment-message")).to_contain_text("declined")
    page.get_by_role("button", name="Cancel the payment and go back to my basket").click()
    expect(page.locator(".basket-supplier")).to_contain_text(product.get_title())
    given_up = Purchase.objects.get(placed_by__email="buyer@example.com", payment_method="card")
    assert given_up.payment_status == Purchase.PaymentStatus.FAILED

    # The same basket, checked out again, paid with a good card: the supplier's part is placed.
    check_out_by_card(page, live_server)
    fill_card(page, "4242424242424242")
    page.locator("#pay-button").click()
    expect(page.locator("body")).to_contain_text("Paid by card", timeout=30_000)
    expect(page.locator(".part-status")).to_have_text([PartStatus.PLACED])
    paid = Purchase.objects.exclude(pk=given_up.pk).get(placed_by__email="buyer@example.com", payment_method="card")
    assert paid.payment_status == Purchase.PaymentStatus.PAID
    assert page.url.endswith(f"/shop/purchases/{paid.number}/")
    # Only the declined charge answered with an error (402 from the fake Stripe).
    assert all("402" in problem for problem in page.problems), page.problems
