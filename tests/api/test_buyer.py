"""A buyer's procurement system through the API: post a need, publish it, read its quotes
and award one, with the effects the needs pages have."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.order.models import Purchase
from marketplace.sourcing.models import Invitation, Need
from marketplace.sourcing.shortlists import shortlist_create
from tests.order.fixtures import accept
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import past_deadline, quote

pytestmark = pytest.mark.django_db


def need_body(market, **fields):
    return {
        "title": "Reused bricks for a canteen wall",
        "description": "About 2,000 reused bricks, delivered to our Metz site.",
        "sectors": [market.construction.slug],
        "country": "FR",
        "region": market.lorraine.slug,
        "city": "Metz",
        "quantity": "2000",
        "unit": "bricks",
        "deadline": (timezone.now() + timedelta(days=7)).isoformat(),
        **fields,
    }


def test_a_need_is_posted_published_quoted_and_awarded(buyer_api, market):
    created = buyer_api.post("/api/buyer/needs/", need_body(market), headers={"Idempotency-Key": "need-1"})
    assert created.status_code == 201, created.json()
    need_id = created.json()["id"]
    assert created.json()["status"] == "draft" and Need.objects.get().created_by == market.officer

    published = buyer_api.post(f"/api/buyer/needs/{need_id}/publish/")
    assert published.json()["status"] == "published"
    invited = set(Invitation.objects.filter(need_id=need_id).values_list("supplier__name", flat=True))
    assert invited == {"Bricks Again", "Renovators France"}  # the matching, verified suppliers

    need = Need.objects.get(pk=need_id)
    winner = quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"))
    quote(need, market.renovators, ("Bricks and laying", "1", "1500.00", "20"))
    quotes = buyer_api.get(f"/api/buyer/needs/{need_id}/quotes/").json()
    assert [q["supplier"] for q in quotes] == ["Bricks Again", "Renovators France"]  # cheapest first
    assert quotes[0]["total_excl_tax"] == "800.00"

    early = buyer_api.post(f"/api/buyer/needs/{need_id}/award/", {"quote_id": winner.pk})
    assert early.status_code == 400 and Purchase.objects.count() == 0
    past_deadline(need)
    address = {k: v for k, v in vars(checkout_details()).items() if k not in ("supplier_notes", "wished_date")}
    missing = buyer_api.post(f"/api/buyer/needs/{need_id}/award/", {"quote_id": winner.pk})
    assert "billing_street_address" in {d["field"] for d in missing.json()["error"]["details"]}
    awarded = buyer_api.post(
        f"/api/buyer/needs/{need_id}/award/", {**address, "quote_id": winner.pk, "purchase_order_reference": "PO-API-1"}
    )
    assert awarded.status_code == 201, awarded.json()
    purchase = Purchase.objects.get(number=awarded.json()["purchase_number"])
    assert purchase.purchase_order_reference == "PO-API-1" and purchase.parts.get().supplier == market.bricks
    assert buyer_api.get("/api/buyer/needs/", {"status": "awarded"}).json()["count"] == 1


def test_a_need_with_bad_values_is_refused_field_by_field(buyer_api, market):
    response = buyer_api.post("/api/buyer/needs/", need_body(market, sectors=["nope"], deadline="2001-01-01T00:00:00Z"))

    assert response.status_code == 400 and [d["field"] for d in response.json()["error"]["details"]] == ["sectors"]
    past = buyer_api.post("/api/buyer/needs/", need_body(market, deadline="2001-01-01T00:00:00Z"))
    assert past.json()["error"]["details"][0]["field"] == "deadline"
    assert not Need.objects.exists()


def test_purchases_parts_and_invoices_are_read_with_their_files(buyer_api, shared_purchase, yard):
    invoice = accept(shared_purchase, yard)

    purchases = buyer_api.get("/api/buyer/purchases/").json()["results"]
    part = next(p for p in purchases[0]["parts"] if p["supplier"] == "Reuse Yard")
    invoices = buyer_api.get("/api/buyer/invoices/", {"status": "open"}).json()["results"]
    pdf = buyer_api.get(f"/api/buyer/invoices/{invoice.pk}/pdf/")
    ubl = buyer_api.get(f"/api/buyer/invoices/{invoice.pk}/ubl/")

    assert (part["status"], part["payment"], part["invoice_ids"]) == ("accepted", "open", [invoice.pk])
    detail = buyer_api.get(f"/api/buyer/purchases/{shared_purchase.number}/parts/{part['number']}/").json()
    assert [line["title"] for line in detail["lines"]] == ["Reused bricks"]
    assert [i["number"] for i in invoices] == [invoice.number]
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert ubl["Content-Type"] == "application/xml" and invoice.number.encode() in ubl.content


def test_a_shortlist_is_read_and_changed(buyer_api, buyer, buyer_admin, crates, yard, unverified_supplier):
    shortlist = shortlist_create(buyer=buyer, name="Packaging", by=buyer_admin)
    path = f"/api/buyer/shortlists/{shortlist.pk}/suppliers/"

    added = buyer_api.post(path, {"supplier": crates.slug})
    again = buyer_api.post(path, {"supplier": crates.slug})
    refused = buyer_api.post(path, {"supplier": unverified_supplier.slug})
    buyer_api.post(path, {"supplier": yard.slug})
    removed = buyer_api.delete(f"{path}{crates.slug}/")

    assert added.json()["suppliers"] == again.json()["suppliers"] == [crates.slug]
    assert refused.status_code == 400
    assert removed.json() == {"id": shortlist.pk, "name": "Packaging", "suppliers": [yard.slug]}
    assert buyer_api.get("/api/buyer/shortlists/").json() == [removed.json()]


def test_impact_figures_follow_the_report(buyer_api, shared_purchase):
    figures = buyer_api.get("/api/buyer/impact/").json()
    wrong = buyer_api.get("/api/buyer/impact/", {"start": "2026-12-31", "end": "2026-01-01"})

    assert (figures["orders"], figures["supplier_count"], figures["total_spend"]) == (
        2,
        2,
        "135.00",
    )  # 2 × 10 + 5 × 3, and 40 × 2.50
    assert {"sector", "impact", "country", "region", "legal_form"} == set(figures["breakdowns"])
    assert wrong.status_code == 400 and wrong.json()["error"]["details"][0]["message"].startswith("The period starts")
