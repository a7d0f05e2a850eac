"""The operators' product form in the dashboard speaks of a supplier's product in words:
attribute errors next to their field, the VAT rate chosen among the supplier's
country's rates by name. (Suppliers' members use the workspace's form: tests/workspace.)"""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.dashboard.conftest import goods
from tests.dashboard.helpers import form_data
from tests.factories import SectorFactory, SupplierFactory

Product = get_model("catalogue", "Product")


@pytest.fixture
def juice(db, categories, product_classes):
    food = SectorFactory(name="Food", slug="food")
    grocer = SupplierFactory(name="Épicerie Solidaire", country="LU", sectors=[SectorFactory(parent=food)])
    return goods(grocer, "Apple juice, 1 l", categories, product_classes, price=Decimal("2.00"))


def product_url(product):
    return reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})


def options(page, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)


def post_product(client, product, **overrides):
    data = form_data(client.get(product_url(product)))
    return client.post(product_url(product), {**data, **overrides})


def test_the_suppliers_country_rates_are_offered_by_name(client, superuser, juice):
    client.force_login(superuser)
    offered = options(client.get(product_url(juice)).content.decode(), "attr_vat_rate")
    assert [(value, label.split(" (")[0]) for value, _selected, label in offered] == [
        ("", "Standard rate, 17 %"),
        ("3", "Super-reduced rate, 3 %"),
        ("8", "Reduced rate, 8 %"),
        ("14", "Intermediate rate, 14 %"),
    ]


def test_the_chosen_rate_is_what_the_buyer_pays(client, superuser, juice):
    client.force_login(superuser)
    response = post_product(client, juice, attr_vat_rate="3")
    assert response.status_code == 302, response.context["form"].errors
    juice = Product.objects.get(pk=juice.pk)
    assert juice.attr.vat_rate == 3.0
    assert [value for value, selected, _ in options(client.get(product_url(juice)).content.decode(), "attr_vat_rate")
            if selected] == ["3"]  # fmt: skip
    page = client.get(juice.get_absolute_url()).content.decode()
    assert "€2.06" in page  # 2.00 + 3 % VAT


def test_attribute_errors_are_worded_next_to_their_field(client, superuser, juice):
    client.force_login(superuser)
    response = post_product(client, juice, title="Apple juice, cloudy", attr_minimum_order_quantity="0")
    form = response.context["form"]
    assert form.errors["attr_minimum_order_quantity"] == ["Minimum order must be at least 1."]
    assert "attribute" not in str(form.non_field_errors())
    assert not Product.objects.filter(title="Apple juice, cloudy").exists()


def test_product_kinds_and_pricing_units_read_in_the_operators_language(client, superuser, product_classes):
    client.force_login(superuser)
    with translation.override("nl"):
        catalogue = reverse("dashboard:catalogue-product-list")
        create_service = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "service"})

    kinds = re.search(r'<select name="product_class"[^>]*>(.*?)</select>', client.get(catalogue).content.decode(), re.S)
    assert re.findall(r'<option value="\d+">([^<]*)</option>', kinds.group(1)) == ["Goederen", "Dienst"]
    form = client.get(create_service).content.decode()
    units = {label: value for value, _selected, label in options(form, "attr_pricing_unit")}
    hour = product_classes["service"].attributes.get(code="pricing_unit").option_group.options.get(code="hour")
    assert units["per uur"] == str(hour.pk)  # the option stays the stored row
