"""Long text in a phone's width: a product title of 255 characters without a space does
not make the page scroll sideways, and a textarea with a limit counts what is used."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from marketplace.core import limits
from tests.browser.helpers import visit
from tests.factories import SupplierFactory, goods_for_supplier

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_a_255_character_title_does_not_widen_the_product_page(live_server, wagtail_site, product_classes, page):
    title = "Compostable" * 23 + "xx"
    product = goods_for_supplier(supplier=SupplierFactory(), title=title)
    page.set_viewport_size(PHONE)

    visit(page, live_server.url + product.get_absolute_url())

    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []


def test_a_textarea_counts_its_characters_up_to_its_limit(live_server, wagtail_site, supplier, supplier_admin, page):
    client = Client()
    client.force_login(supplier_admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page.set_viewport_size(PHONE)

    visit(page, live_server.url + reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug}))
    statement = page.locator("textarea[name=impact_statement]")
    statement.fill("x" * 123)

    counter = page.locator(".field-impact_statement .char-count")
    assert counter.inner_text() == f"123 / {limits.NOTE:,} characters"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.problems == []
