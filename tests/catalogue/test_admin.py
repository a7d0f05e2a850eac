"""Operators still manage the catalogue in the Django admin, categories with their sector."""

import pytest
from oscar.core.loading import get_model

from tests.factories import SectorFactory, goods_for_supplier

Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


def test_operators_open_products_categories_and_attributes(client, superuser, supplier):
    product = goods_for_supplier(supplier=supplier, title="Oak stool")
    category = Category.objects.get(sector=SectorFactory(name="Furniture"))
    client.force_login(superuser)

    for url in [
        "/django-admin/catalogue/product/",
        f"/django-admin/catalogue/product/{product.pk}/change/",
        "/django-admin/catalogue/productattribute/",
        "/django-admin/catalogue/category/",
        f"/django-admin/catalogue/category/{category.pk}/change/",
        "/django-admin/partner/stockrecord/",
    ]:
        assert client.get(url).status_code == 200, url
    assert 'name="sector"' in client.get(f"/django-admin/catalogue/category/{category.pk}/change/").content.decode()
