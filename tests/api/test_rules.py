"""The rules every endpoint of the organisations' API keeps: bearer keys and their scope,
one error shape, Idempotency-Key replays, the rate limit per key."""

import pytest
from oscar.core.loading import get_model

from marketplace.apikeys.models import Scope
from tests.api.conftest import ApiClient, new_key

StockRecord = get_model("partner", "StockRecord")
pytestmark = pytest.mark.django_db

NEW_PRODUCT = {
    "kind": "goods",
    "title": "Pallet of crates",
    "category": "Food",
    "sku": "PAL-1",
    "price": "120.00",
    "stock": 4,
    "attributes": {"unit": "pallet"},
}


def error_of(response):
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_without_a_key_the_answer_is_401_in_the_error_shape(client, crates):
    response = client.get("/api/supplier/products/")

    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert error_of(response)["code"] == "not_authenticated"


def test_a_read_only_key_reads_but_may_not_write(client, crates, crates_admin):
    reader = ApiClient(client, new_key(crates, crates_admin, scope=Scope.READ))

    assert reader.get("/api/supplier/products/").status_code == 200
    response = reader.post("/api/supplier/products/", NEW_PRODUCT)
    assert response.status_code == 403 and error_of(response)["code"] == "scope_required"


def test_a_buyers_key_cannot_reach_supplier_endpoints_nor_the_reverse(buyer_api, crates_api):
    assert error_of(buyer_api.get("/api/supplier/products/"))["code"] == "not_found"
    assert crates_api.get("/api/buyer/needs/").status_code == 404


def test_a_method_a_path_does_not_take_is_a_405_in_the_error_shape(crates_api):
    response = crates_api.delete("/api/supplier/products/", headers={"Accept-Language": "fr"})

    assert response.status_code == 405 and "GET" in response["Allow"] and "POST" in response["Allow"]
    error = error_of(response)
    assert error["code"] == "method_not_allowed" and "DELETE" in error["message"] and "prend" in error["message"]


def test_bad_input_is_a_400_naming_each_field_in_the_requests_language(crates_api, food_category):
    response = crates_api.post("/api/supplier/products/", {"kind": "goods"}, headers={"Accept-Language": "fr"})

    error = error_of(response)
    assert response.status_code == 400 and error["code"] == "invalid_request"
    assert {"title", "category", "sku", "price"} <= {detail["field"] for detail in error["details"]}
    assert error["message"] == "La requête contient des valeurs non valides."

    refused = crates_api.post("/api/supplier/products/", {**NEW_PRODUCT, "category": "Nowhere", "stock": -1})
    assert refused.status_code == 400 and error_of(refused)["code"] == "invalid"
    assert len(error_of(refused)["details"]) == 2
    assert not StockRecord.objects.filter(partner_sku="PAL-1").exists()


def test_a_replayed_post_returns_the_first_answer_and_does_nothing_twice(crates_api, food_category):
    headers = {"Idempotency-Key": "create-pallet-1"}

    first = crates_api.post("/api/supplier/products/", NEW_PRODUCT, headers=headers)
    again = crates_api.post("/api/supplier/products/", NEW_PRODUCT, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert StockRecord.objects.filter(partner_sku="PAL-1").count() == 1
    other = crates_api.post("/api/supplier/products/", {**NEW_PRODUCT, "sku": "PAL-2"}, headers=headers)
    assert other.status_code == 409 and error_of(other)["code"] == "idempotency_key_reused"
    # Without the header the same body is a new request: the SKU is taken now.
    assert error_of(crates_api.post("/api/supplier/products/", NEW_PRODUCT))["code"] == "conflict"


def test_idempotency_keys_belong_to_one_api_key(client, crates, crates_admin, crates_api, food_category):
    headers = {"Idempotency-Key": "same"}
    crates_api.post("/api/supplier/products/", NEW_PRODUCT, headers=headers)
    second_key = ApiClient(client, new_key(crates, crates_admin))

    response = second_key.post("/api/supplier/products/", {**NEW_PRODUCT, "sku": "PAL-2"}, headers=headers)

    assert response.status_code == 201 and response.json()["sku"] == "PAL-2"


def test_beyond_the_rate_limit_the_key_gets_429_with_retry_after(crates_api, yard_api, settings):
    settings.API_RATE_LIMIT = "2/minute"

    answers = [crates_api.get("/api/supplier/products/").status_code for _ in range(3)]

    assert answers == [200, 200, 429]
    response = crates_api.get("/api/supplier/products/")
    assert error_of(response)["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 61
    assert yard_api.get("/api/supplier/products/").status_code == 200  # another key counts apart


def test_lists_page_with_links(crates_api, crates):
    from tests.factories import goods_for_supplier

    for n in range(3):
        goods_for_supplier(supplier=crates, title=f"Crate {n}")

    first = crates_api.get("/api/supplier/products/", {"limit": 2}).json()
    second = crates_api.get(first["next"]).json()

    assert first["count"] == second["count"] == 3 and first["previous"] is None
    assert len(first["results"]) == 2 and len(second["results"]) == 1 and second["next"] is None
    assert error_of(crates_api.get("/api/supplier/products/", {"limit": 1000}))["code"] == "invalid_request"
