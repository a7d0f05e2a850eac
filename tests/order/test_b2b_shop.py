"""The shop speaks to businesses: no offers, vouchers or consumer wording, one site header,
each supplier's terms in the basket, and Oscar's consumer account pages lead to ours."""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from oscar.test.factories import create_offer

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_place
from tests.factories import SupplierFactory, UserFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details

pytestmark = pytest.mark.django_db

BASKET = "/shop/basket/"
CHECKOUT = "/shop/checkout/"


@pytest.fixture
def crates():
    return SupplierFactory(name="Green Crates")


@pytest.fixture
def eggs(crates):
    return goods_for_supplier(supplier=crates, title="Eggs", price=Decimal("10.00"), num_in_stock=50)


def add(client, product, quantity):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}, follow=True)


def text_of(response):
    """The page's words as a reader sees them (no tags, one space between words)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_basket_has_no_voucher_field_and_no_consumer_wording(client, buyer, buyer_admin, eggs):
    client.force_login(buyer_admin)
    response = add(client, eggs, 3)
    page = response.content.decode()
    words = text_of(response).lower()
    assert response.request["PATH_INFO"] == BASKET
    assert "voucher" not in page.lower() and "coupon" not in words
    assert "cart" not in words
    assert "free shipping" not in words
    assert "offers" not in words and "browse store" not in words
    assert "3 × Eggs added to your basket." in text_of(response)
    assert "copies of" not in words


def test_the_shop_has_one_header_with_one_menu_button(client, buyer_admin, eggs):
    client.force_login(buyer_admin)
    for url in ("/shop/catalogue/", eggs.get_absolute_url(), BASKET):
        page = client.get(url).content.decode()
        assert page.count('class="navbar-toggler"') == 1, url
        assert page.count("<header") == 1, url
        assert "/shop/offers/" not in page, url


def test_vouchers_cannot_be_added_to_a_basket(client, buyer_admin, eggs):
    client.force_login(buyer_admin)
    add(client, eggs, 1)
    assert client.post("/shop/basket/vouchers/add/", {"code": "SAVE20"}).status_code == 404
    assert client.get("/shop/offers/").url == reverse("catalogue:index")


def test_a_site_offer_changes_no_total(client, buyer, buyer_admin, eggs):
    """An offer created in Oscar's dashboard or admin discounts nothing: the basket, the checkout
    page and the placed purchase all total the sum of the lines (3 × €10 + 3 % VAT of the factory)."""
    create_offer(name="Spring sale")  # 20 % off every product
    client.force_login(buyer_admin)
    add(client, eggs, 3)
    response = client.get(CHECKOUT)
    parts = response.context["parts"]
    lines_net = sum(line.line_price_excl_tax for part in parts for line in part.lines)
    lines_gross = sum(line.line_price_incl_tax for part in parts for line in part.lines)
    assert lines_net == Decimal("30.00")
    assert response.context["total_excl_tax"] == lines_net
    assert response.context["total_incl_tax"] == lines_gross
    basket_page = text_of(client.get(BASKET))
    assert f"€{lines_gross}" in basket_page and "Spring sale" not in basket_page
    basket = client.get(BASKET).context["basket"]
    assert basket.total_excl_tax == lines_net and not basket.offer_applications.offers
    purchase = purchase_place(
        basket=basket_with(buyer_admin, (eggs, 3)),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )
    assert purchase.total_excl_tax == lines_net and purchase.total_incl_tax == lines_gross


def test_the_dashboard_menu_has_no_offers_or_vouchers():
    menu = settings.OSCAR_DASHBOARD_NAVIGATION
    names = {child.get("url_name") for item in menu for child in item.get("children", [])}
    assert not names & {"dashboard:offer-list", "dashboard:voucher-list", "dashboard:voucher-set-list"}


def test_basket_group_shows_the_suppliers_lead_time_delivery_area_and_minimums(client, buyer_admin, crates):
    quick = goods_for_supplier(
        supplier=crates, title="Apples", attributes={"unit": "box", "lead_time_days": 2, "delivery_area": "Luxembourg"}
    )
    slow = goods_for_supplier(
        supplier=crates, title="Crates", attributes={"unit": "piece", "lead_time_days": 10, "minimum_order_quantity": 5}
    )
    client.force_login(buyer_admin)
    add(client, quick, 1)
    page = text_of(add(client, slow, 5))
    assert "Lead time: 10 days" in page
    assert "Delivers to: Luxembourg" in page
    assert "Minimum order: 5" in page


def test_oscar_order_pages_lead_to_purchases(client, buyer, buyer_admin, eggs, other_user):
    purchase = purchase_place(
        basket=basket_with(buyer_admin, (eggs, 2)),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )
    part = purchase.parts.get()
    client.force_login(buyer_admin)
    assert client.get("/shop/accounts/orders/").url == reverse("purchases:list")
    assert client.get(f"/shop/accounts/orders/{part.number}/").url == purchase.get_absolute_url()
    assert client.get("/shop/accounts/").url == reverse("accounts:home")
    # Someone else learns nothing of the purchase: the part's address leads to their own list.
    client.force_login(other_user)
    assert client.get(f"/shop/accounts/orders/{part.number}/").url == reverse("purchases:list")


@pytest.fixture
def other_user(db):
    return UserFactory(email="someone@else.example")


def test_account_page_links_to_the_buyers_work(client, buyer, buyer_admin):
    client.force_login(buyer_admin)
    page = client.get(reverse("accounts:home")).content.decode()
    names = ("purchases:list", "sourcing:need-list", "sourcing:thread-list", "sourcing:shortlist-list", "impact:home")
    for name in names:
        assert f'href="{reverse(name)}"' in page, name
    assert reverse("customer:order-list") not in page
    assert 'href="/workspace/"' not in page


def test_account_page_links_supplier_members_to_their_workspace(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    page = client.get(reverse("accounts:home")).content.decode()
    assert 'href="/workspace/"' in page.split('id="main"', 1)[1]  # in the page, besides the header's menu
