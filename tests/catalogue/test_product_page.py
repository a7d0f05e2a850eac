"""The product page a buyer sees: what it is, its price excl. and incl. VAT, and who sells it."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model

from tests.factories import (
    MembershipFactory,
    SupplierFactory,
    UserFactory,
    goods_for_supplier,
    service_for_supplier,
)

ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


@pytest.fixture
def lu_supplier():
    return SupplierFactory(
        name="Panier Solidaire",
        country="LU",
        region=None,
        impact_statement="Every order keeps a job open.",
        employees=40,
        employees_vulnerable=30,
    )


@pytest.fixture
def veg_box(lu_supplier):
    return goods_for_supplier(
        supplier=lu_supplier,
        title="Seasonal vegetable box",
        price=Decimal("12.50"),
        attributes={"unit": "box", "minimum_order_quantity": 10, "lead_time_days": 5, "recycled_share": 60},
    )


def test_the_page_shows_kind_attributes_and_price_excluding_and_including_vat(client, veg_box):
    response = client.get(veg_box.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Seasonal vegetable box" in html
    assert "Goods" in html
    assert "€12.50</strong> excl. VAT" in html
    assert "VAT 17 %" in html
    assert "€14.63 incl. VAT" in html
    for label, value in [("Minimum order", "10 boxes"), ("Lead time", "5 days"), ("Recycled material", "60 %")]:
        assert f">{label}</dt>" in html and f">{value}</dd>" in html
    assert 'id="add_to_basket_form"' in html


def test_the_supplier_panel_links_to_the_profile_with_badge_and_impact(client, veg_box, lu_supplier):
    html = client.get(veg_box.get_absolute_url()).content.decode()

    assert f'href="/suppliers/{lu_supplier.slug}/"' in html
    assert "Panier Solidaire" in html
    assert "badge-verified" in html
    assert "Luxembourg" in html
    assert "Every order keeps a job open." in html
    assert "75 % of its workforce come from vulnerable groups" in html


def test_a_service_on_quote_only_offers_a_quote_request_instead_of_the_basket(client, lu_supplier):
    audit = service_for_supplier(
        supplier=lu_supplier, title="Energy audit", attributes={"pricing_unit": "project", "on_quote_only": True}
    )

    html = client.get(audit.get_absolute_url()).content.decode()

    assert "Request a quote" in html
    assert f'href="/suppliers/{lu_supplier.slug}/#contact-heading"' in html
    assert 'id="add_to_basket_form"' not in html
    assert "fixed project" in html


class TestUnverifiedSupplier:
    @pytest.fixture
    def product(self, unverified_supplier):
        return goods_for_supplier(supplier=unverified_supplier, title="Rye bread")

    def test_the_public_gets_a_404(self, client, product, user):
        assert client.get(product.get_absolute_url()).status_code == 404
        client.force_login(user)
        assert client.get(product.get_absolute_url()).status_code == 404

    def test_its_members_see_it_with_a_notice_but_cannot_buy_it(self, client, product, unverified_supplier):
        member = UserFactory()
        MembershipFactory(user=member, organisation=unverified_supplier)
        client.force_login(member)

        html = client.get(product.get_absolute_url()).content.decode()

        assert "Not for sale until the supplier is verified" in html
        assert 'id="add_to_basket_form"' not in html

    def test_operators_see_it(self, client, product, staff_user):
        client.force_login(staff_user)
        assert client.get(product.get_absolute_url()).status_code == 200

    def test_it_cannot_be_put_in_a_basket(self, client, product, user):
        client.force_login(user)
        client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})

        assert "Rye bread" not in client.get("/shop/basket/").content.decode()


def test_a_verified_suppliers_goods_go_in_the_basket(client, veg_box, user):
    client.force_login(user)
    client.post(f"/shop/basket/add/{veg_box.pk}/", {"quantity": 10})  # its minimum order

    assert "Seasonal vegetable box" in client.get("/shop/basket/").content.decode()


def test_the_page_costs_the_same_whatever_the_number_of_attributes_and_images(
    client, lu_supplier, django_assert_max_num_queries
):
    plain = goods_for_supplier(supplier=lu_supplier, attributes={"unit": "piece"})
    rich = goods_for_supplier(
        supplier=lu_supplier,
        attributes={
            "unit": "piece",
            "minimum_order_quantity": 5,
            "lead_time_days": 3,
            "delivery_area": "Luxembourg",
            "origin_region": "Minett",
            "recycled_share": 80,
            "certifications": "A, B",
            "vat_rate": 8,
        },
    )
    for n in range(4):
        ProductImage.objects.create(product=rich, original=ContentFile(b"x", name=f"p{n}.jpg"), display_order=n)

    # Warm up: the first view of a product creates its analytics row, later views update it.
    client.get(plain.get_absolute_url())
    client.get(rich.get_absolute_url())
    with django_assert_max_num_queries(20) as plain_queries:
        client.get(plain.get_absolute_url())
    with django_assert_max_num_queries(len(plain_queries.captured_queries)) as rich_queries:
        response = client.get(rich.get_absolute_url())

    assert response.status_code == 200
    assert len(rich_queries.captured_queries) == len(plain_queries.captured_queries)
