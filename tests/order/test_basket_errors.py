"""Basket errors: shown next to the line they concern, never on lines the buyer did not touch."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import SupplierFactory, goods_for_supplier

pytestmark = pytest.mark.django_db

BASKET = "/shop/basket/"


def formset_data(page):
    """The basket form as the page renders it."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and 'type="checkbox"' not in tag:
            data[name.group(1)] = value.group(1)
    return data


def line_errors(page):
    """Each line's title with the errors shown beside it."""
    return {
        title: re.findall(r'class="text-danger" role="alert">([^<]+)<', rest)
        for title, rest in re.findall(
            r'<h3 class="h6"><a [^>]+>([^<]+)</a></h3>(.*?)(?=<h3 class="h6"|</form>)', page, re.S
        )
    }


@pytest.fixture
def crates():
    return SupplierFactory(name="Green Crates")


@pytest.fixture
def eggs(crates):
    return goods_for_supplier(
        supplier=crates, title="Eggs", price=Decimal("3"), num_in_stock=100,
        attributes={"unit": "tray", "minimum_order_quantity": 10},
    )  # fmt: skip


@pytest.fixture
def jam(crates):
    return goods_for_supplier(
        supplier=crates, title="Jam", price=Decimal("3"), num_in_stock=100,
        attributes={"unit": "jar", "minimum_order_quantity": 5},
    )  # fmt: skip


@pytest.fixture
def basket(client, buyer_admin, buyer, eggs, jam):
    client.force_login(buyer_admin)
    client.post(reverse("basket:add", kwargs={"pk": eggs.pk}), {"quantity": 10})
    client.post(reverse("basket:add", kwargs={"pk": jam.pk}), {"quantity": 6})
    return client


def test_an_error_shows_on_the_changed_line_only(basket):
    data = formset_data(basket.get(BASKET).content.decode())
    eggs_field = next(name for name, value in data.items() if name.endswith("-quantity") and value == "10")
    data[eggs_field] = "2"
    page = basket.post(BASKET, data, follow=True).content.decode()
    assert line_errors(page) == {"Eggs": ["The minimum order is 10."], "Jam": []}


def test_untouched_lines_update_without_error(basket):
    data = formset_data(basket.get(BASKET).content.decode())
    jam_field = next(name for name, value in data.items() if name.endswith("-quantity") and value == "6")
    data[jam_field] = "7"
    response = basket.post(BASKET, data)
    assert response.status_code == 302
    page = basket.get(BASKET).content.decode()
    assert line_errors(page) == {"Eggs": [], "Jam": []} and 'value="7"' in page
