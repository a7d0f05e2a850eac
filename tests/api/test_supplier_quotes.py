"""A supplier's system answers invitations to quote through the API, as the quote form does."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.sourcing.models import Invitation, Quote
from tests.workspace.conftest import need_for

pytestmark = pytest.mark.django_db


def test_an_invitation_is_read_and_quoted_and_the_buyer_reads_the_quote(crates_api, buyer_api, buyer, crates, yard):
    need = need_for(buyer, crates, "Crates for the canteen")
    need_for(buyer, yard, "Secret yard need")
    later = (timezone.localdate() + timedelta(days=20)).isoformat()
    body = {
        "valid_until": later,
        "delivery_date": later,
        "message": "Delivered by bike",
        "lines": [{"description": "Wooden crates", "quantity": "50", "unit": "crates", "unit_price": "4.00",
                   "vat_rate": "20", "kind": "goods"}],
    }  # fmt: skip

    listed = crates_api.get("/api/supplier/invitations/", {"open": True}).json()
    assert [i["need"]["title"] for i in listed["results"]] == ["Crates for the canteen"]
    assert crates_api.get(f"/api/supplier/invitations/{need.pk}/").json()["quote"] is None
    past = crates_api.post(f"/api/supplier/invitations/{need.pk}/quote/", {**body, "valid_until": "2001-01-01"})
    sent = crates_api.post(f"/api/supplier/invitations/{need.pk}/quote/", body)

    assert past.status_code == 400 and past.json()["error"]["details"][0]["field"] == "valid_until"
    assert sent.status_code == 200, sent.json()
    assert sent.json()["quote"]["total_excl_tax"] == "200.00"
    assert Invitation.objects.get(need=need, supplier=crates).status == Invitation.Status.QUOTED
    assert Quote.objects.get(need=need).submitted_by == crates.memberships.get().user
    quotes = buyer_api.get(f"/api/buyer/needs/{need.pk}/quotes/").json()
    assert [(q["supplier"], q["message"]) for q in quotes] == [("Green Crates", "Delivered by bike")]
