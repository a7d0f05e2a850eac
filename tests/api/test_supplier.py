"""A supplier's system through the API: stock and prices, products, photos, and the
order parts' steps, with the effects the workspace's buttons have."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from marketplace.order.models import PartStatus
from tests.order.fixtures import part_of

StockRecord = get_model("partner", "StockRecord")
ProductCategory = get_model("catalogue", "ProductCategory")
pytestmark = pytest.mark.django_db


def test_stock_and_price_change_and_the_rest_of_the_product_stays(crates_api, shared_purchase, crates, food_category):
    record = StockRecord.objects.get(partner=crates.partner, product__title="Organic apples")
    ProductCategory.objects.create(product=record.product, category=food_category)
    path = f"/api/supplier/products/{record.product_id}/"
    before = crates_api.get(path).json()["values"]

    response = crates_api.patch(path, {"stock": 42, "price": "11.50"})

    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert (record.num_in_stock, record.price) == (42, Decimal("11.50"))
    after = response.json()["values"]
    assert {k: v for k, v in after.items() if k not in ("stock", "price")} == {
        k: v for k, v in before.items() if k not in ("stock", "price")
    }
    assert crates_api.get("/api/supplier/products/", {"sku": record.partner_sku}).json()["results"][0]["stock"] == 42
    refused = crates_api.patch(path, {"stock": -3})
    assert (
        refused.status_code == 400 and refused.json()["error"]["details"][0]["message"] == "Stock cannot be negative."
    )


def test_a_photo_is_checked_by_its_content(crates_api, shared_purchase, crates):
    product = StockRecord.objects.get(partner=crates.partner, product__title="Organic apples").product
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(out, "PNG")
    path = f"/api/supplier/products/{product.pk}/photos/"
    headers = {"HTTP_AUTHORIZATION": f"Bearer {crates_api.key}"}

    png = SimpleUploadedFile("apples.png", out.getvalue(), content_type="image/png")
    response = crates_api.client.post(path, {"image": png, "alt_text": "A crate of apples"}, **headers)
    fake = SimpleUploadedFile("apples.png", b"<html>not an image</html>", content_type="image/png")
    refused = crates_api.client.post(path, {"image": fake, "alt_text": "x"}, **headers)

    assert response.status_code == 201 and response.json()["position"] == 1
    assert product.images.get().caption == "A crate of apples"
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid"
    assert product.images.count() == 1


def test_an_order_part_moves_as_in_the_workspace(crates_api, shared_purchase, crates):
    part = part_of(shared_purchase, crates)
    path = f"/api/supplier/order-parts/{part.number}/"
    assert crates_api.get(path).json()["next_steps"] == ["accepted", "rejected"]

    confirmed = crates_api.post(path + "status/", {"status": "accepted"})
    too_far = crates_api.post(path + "status/", {"status": "completed"})
    declined = crates_api.post(path + "status/", {"status": "cancelled"})

    assert confirmed.status_code == 200 and confirmed.json()["status"] == "accepted"
    part.refresh_from_db()
    assert part.status == PartStatus.ACCEPTED and part.invoice_or_none is not None  # confirming invoices
    assert too_far.status_code == 409 and too_far.json()["error"]["code"] == "invalid_status"
    assert declined.status_code == 400 and declined.json()["error"]["details"][0]["field"] == "reason"
    for step in ("shipped", "delivered"):
        assert crates_api.post(path + "status/", {"status": step}).json()["status"] == step
    assert crates_api.get("/api/supplier/order-parts/", {"status": "delivered"}).json()["count"] == 1
    assert crates_api.get("/api/supplier/order-parts/", {"status": "bogus"}).status_code == 400


def test_the_product_list_costs_a_fixed_number_of_queries(crates_api, crates, django_assert_max_num_queries):
    from tests.factories import goods_for_supplier

    for n in range(5):
        goods_for_supplier(supplier=crates, title=f"Crate {n}")
    with django_assert_max_num_queries(14):
        assert crates_api.get("/api/supplier/products/").json()["count"] == 5
