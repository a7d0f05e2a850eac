"""The product form speaks to suppliers: attribute errors in words next to their field,
the VAT rate chosen among the supplier's country's rates by name, food at its rate."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.dashboard.test_supplier_dashboard import form_data
from tests.factories import MembershipFactory, SectorFactory, SupplierFactory, UserFactory

Product = get_model("catalogue", "Product")


@pytest.fixture
def grocer(db):
    food = SectorFactory(name="Food", slug="food")
    supplier = SupplierFactory(name="Épicerie Solidaire", country="LU", sectors=[SectorFactory(parent=food)])
    member = UserFactory(email="emma@epicerie.example")
    MembershipFactory(user=member, organisation=supplier)
    return supplier, member


def create_url(product_classes, slug="goods"):
    return reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_classes[slug].slug})


def options(page, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)


def post_new_goods(client, product_classes, categories, supplier, **overrides):
    response = client.get(create_url(product_classes))
    data = form_data(response)
    stock = response.context["stockrecord_formset"].prefix
    data.update({
        "title": "Apple juice, 1 l", "attr_unit": "bottle",
        f"{response.context['category_formset'].prefix}-0-category": categories["local"].pk,
        f"{stock}-0-partner": supplier.partner.pk, f"{stock}-0-partner_sku": "JUICE-1",
        f"{stock}-0-price": "2.00", f"{stock}-0-price_currency": "EUR", f"{stock}-0-num_in_stock": "30",
        **overrides,
    })  # fmt: skip
    return client.post(create_url(product_classes), data)


def test_a_food_supplier_is_offered_its_countrys_rates_by_name_the_food_rate_first(
    client, grocer, product_classes, categories
):
    supplier, member = grocer
    client.force_login(member)
    page = client.get(create_url(product_classes)).content.decode()
    offered = options(page, "attr_vat_rate")
    assert [(value, label.split(" (")[0]) for value, _selected, label in offered] == [
        ("", "Standard rate, 17 %"),
        ("3", "Super-reduced rate, 3 %"),
        ("8", "Reduced rate, 8 %"),
        ("14", "Intermediate rate, 14 %"),
    ]
    assert [value for value, selected, _label in offered if selected] == ["3"]  # LU food: 3 %, not 17 %


def test_the_chosen_rate_is_what_the_buyer_pays(client, grocer, product_classes, categories):
    supplier, member = grocer
    client.force_login(member)
    response = post_new_goods(client, product_classes, categories, supplier, attr_vat_rate="3")
    assert response.status_code == 302, response.context["form"].errors
    juice = Product.objects.get(title="Apple juice, 1 l")
    assert juice.attr.vat_rate == 3.0
    page = client.get(juice.get_absolute_url()).content.decode()
    assert "€2.06" in page  # 2.00 + 3 % VAT


def test_attribute_errors_are_worded_next_to_their_field(client, grocer, product_classes, categories):
    supplier, member = grocer
    client.force_login(member)
    response = post_new_goods(client, product_classes, categories, supplier, attr_minimum_order_quantity="0")
    form = response.context["form"]
    assert form.errors["attr_minimum_order_quantity"] == ["Minimum order must be at least 1."]
    assert "attribute" not in str(form.non_field_errors())
    assert not Product.objects.filter(title="Apple juice, 1 l").exists()
