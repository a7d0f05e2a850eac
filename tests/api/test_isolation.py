"""The API's isolation matrix: every endpoint of /api/supplier/ and /api/buyer/, pointed
at another organisation's object, answers 404 in the error shape to a key with write
access, and changes nothing. A new endpoint fails `test_every_endpoint_is_mapped` until
ENDPOINTS says what it points at."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from marketplace.api import api
from marketplace.order.models import Order
from marketplace.sourcing.models import Invitation, Need, Quote, ShortlistEntry
from marketplace.sourcing.shortlists import shortlist_add, shortlist_create
from tests.api.conftest import ApiClient, new_key
from tests.factories import BuyerFactory, UserFactory
from tests.order.fixtures import accept, part_of
from tests.workspace.conftest import need_for

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
pytestmark = pytest.mark.django_db


def png():
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "grey").save(out, "PNG")
    return SimpleUploadedFile("x.png", out.getvalue(), content_type="image/png")


# (method, path as in the schema) → the path's values and body, pointing at Reuse Yard's
# objects (for Green Crates' key) or at the buyer's need, purchase and invoice (for the key
# of another buying firm).
ENDPOINTS = {
    ("GET", "/api/supplier/products/{product_id}/"): lambda w: ({"product_id": w["yard_product"].pk}, None),
    ("PATCH", "/api/supplier/products/{product_id}/"): lambda w: ({"product_id": w["yard_product"].pk}, {"stock": 0}),
    ("POST", "/api/supplier/products/{product_id}/photos/"): lambda w: (
        {"product_id": w["yard_product"].pk},
        {"image": png(), "alt_text": "x"},
    ),
    ("GET", "/api/supplier/order-parts/{number}/"): lambda w: ({"number": w["yard_part"].number}, None),
    ("POST", "/api/supplier/order-parts/{number}/status/"): lambda w: (
        {"number": w["yard_part"].number},
        {"status": "accepted"},
    ),
    ("GET", "/api/supplier/invitations/{need_id}/"): lambda w: ({"need_id": w["yard_need"].pk}, None),
    ("POST", "/api/supplier/invitations/{need_id}/quote/"): lambda w: (
        {"need_id": w["yard_need"].pk},
        {"valid_until": "2099-01-01", "delivery_date": "2099-01-01", "lines": []},
    ),
    ("GET", "/api/buyer/purchases/{number}/"): lambda w: ({"number": w["purchase"].number}, None),
    ("GET", "/api/buyer/purchases/{number}/parts/{part_number}/"): lambda w: (
        {"number": w["purchase"].number, "part_number": w["yard_part"].number},
        None,
    ),
    ("GET", "/api/buyer/invoices/{invoice_id}/"): lambda w: ({"invoice_id": w["invoice"].pk}, None),
    ("GET", "/api/buyer/invoices/{invoice_id}/pdf/"): lambda w: ({"invoice_id": w["invoice"].pk}, None),
    ("GET", "/api/buyer/invoices/{invoice_id}/ubl/"): lambda w: ({"invoice_id": w["invoice"].pk}, None),
    ("GET", "/api/buyer/shortlists/{shortlist_id}/"): lambda w: ({"shortlist_id": w["shortlist"].pk}, None),
    ("POST", "/api/buyer/shortlists/{shortlist_id}/suppliers/"): lambda w: (
        {"shortlist_id": w["shortlist"].pk},
        {"supplier": "reuse-yard"},
    ),
    ("DELETE", "/api/buyer/shortlists/{shortlist_id}/suppliers/{supplier}/"): lambda w: (
        {"shortlist_id": w["shortlist"].pk, "supplier": "green-crates"},
        None,
    ),
    ("GET", "/api/buyer/needs/{need_id}/"): lambda w: ({"need_id": w["other_need"].pk}, None),
    ("POST", "/api/buyer/needs/{need_id}/publish/"): lambda w: ({"need_id": w["other_need"].pk}, None),
    ("GET", "/api/buyer/needs/{need_id}/quotes/"): lambda w: ({"need_id": w["other_need"].pk}, None),
    ("POST", "/api/buyer/needs/{need_id}/award/"): lambda w: (
        {"need_id": w["other_need"].pk},
        {"quote_id": w["other_quote"].pk},
    ),
}
# Lists and creations take no object: they only ever see or make the key's own.
OWN_ONLY = {
    ("GET", "/api/supplier/products/"),
    ("POST", "/api/supplier/products/"),
    ("GET", "/api/supplier/order-parts/"),
    ("GET", "/api/supplier/invitations/"),
    ("GET", "/api/buyer/needs/"),
    ("GET", "/api/buyer/purchases/"),
    ("GET", "/api/buyer/invoices/"),
    ("GET", "/api/buyer/shortlists/"),
    ("GET", "/api/buyer/impact/"),
    ("POST", "/api/buyer/needs/"),
}


def organisation_endpoints():
    paths = api.get_openapi_schema()["paths"]
    return {
        (method.upper(), path)
        for path, operations in paths.items()
        if path.startswith(("/api/supplier/", "/api/buyer/"))
        for method in operations
    }


def test_every_endpoint_is_mapped():
    assert organisation_endpoints() == set(ENDPOINTS) | OWN_ONLY


@pytest.fixture
def other_api(client):
    other_admin = UserFactory(email="olga@other-firm.example")
    return ApiClient(client, new_key(BuyerFactory(name="Other Firm", created_by=other_admin), other_admin))


@pytest.fixture
def w(shared_purchase, crates, yard, buyer):
    other_need = need_for(buyer, crates, "Secret need of the buyer")
    Need.objects.filter(pk=other_need.pk).update(status=Need.Status.DRAFT)
    other_quote = Quote.objects.create(
        need=other_need, supplier=crates, valid_until="2099-01-01", delivery_date="2099-01-01"
    )
    shortlist = shortlist_create(buyer=buyer, name="Secret list", by=buyer.memberships.get().user)
    shortlist_add(shortlist=shortlist, supplier=crates, by=None)
    yard_product = StockRecord.objects.filter(partner=yard.partner).first().product
    return {
        "yard_part": part_of(shared_purchase, yard),
        "yard_product": yard_product,
        "yard_need": need_for(buyer, yard, "Secret yard need"),
        "purchase": shared_purchase,
        "invoice": accept(shared_purchase, yard),
        "other_need": other_need,
        "other_quote": other_quote,
        "shortlist": shortlist,
    }


def state():
    """What any of the requests could change."""
    return (
        list(Order.objects.values_list("pk", "status")),
        list(StockRecord.objects.values_list("pk", "num_in_stock", "price")),
        list(Need.objects.values_list("pk", "status")),
        list(Quote.objects.values_list("pk", "status")),
        list(Invitation.objects.values_list("pk", "status", "viewed_at")),
        get_model("catalogue", "ProductImage").objects.count(),
        list(ShortlistEntry.objects.values_list("shortlist_id", "supplier_id")),
    )


@pytest.mark.parametrize(("method", "path"), sorted(ENDPOINTS), ids=[f"{m} {p}" for m, p in sorted(ENDPOINTS)])
def test_another_organisations_object_is_a_404_and_stays_unchanged(crates_api, other_api, w, method, path):
    values, body = ENDPOINTS[(method, path)](w)
    caller = crates_api if path.startswith("/api/supplier/") else other_api
    url = path.format(**values)
    before = state()

    if method == "GET":
        response = caller.get(url)
    elif method == "DELETE":
        response = caller.delete(url)
    elif method == "PATCH":
        response = caller.patch(url, body)
    elif "image" in (body or {}):
        response = caller.client.post(url, body, HTTP_AUTHORIZATION=f"Bearer {caller.key}")
    else:
        response = caller.post(url, body)

    assert response.status_code == 404, response.content
    assert response.json()["error"]["code"] == "not_found"
    assert "Secret" not in response.content.decode()
    assert state() == before


def test_lists_hold_only_the_keys_own_organisation(crates_api, buyer_api, other_api, w):
    parts = crates_api.get("/api/supplier/order-parts/").json()["results"]
    products = crates_api.get("/api/supplier/products/").json()["results"]

    assert {p["number"] for p in parts} == {part.number for part in Order.objects.filter(supplier__name="Green Crates")}
    assert w["yard_product"].pk not in {p["id"] for p in products}
    for path in ("/api/buyer/needs/", "/api/buyer/purchases/", "/api/buyer/invoices/"):
        assert buyer_api.get(path).json()["count"] > 0
        assert other_api.get(path).json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert len(buyer_api.get("/api/buyer/shortlists/").json()) == 1
    assert other_api.get("/api/buyer/shortlists/").json() == []
    assert buyer_api.get("/api/buyer/impact/").json()["orders"] == 2
    assert other_api.get("/api/buyer/impact/").json()["orders"] == 0
