"""Suppliers see who buys as an organisation: the buyer's name, never the personal
e-mail of the person who ordered (operators still see the person in the dashboard)."""

import pytest
from django.urls import reverse

from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)
from tests.order.fixtures import part_of

pytestmark = pytest.mark.django_db


def orders_csv(client, part):
    response = client.post(
        "/shop/dashboard/orders/", {"action": "download_selected_orders", "selected_order": [part.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode()


def test_a_supplier_sees_the_buyer_organisation_not_the_person(client, shared_purchase, crates, crates_admin):
    buyer, person = shared_purchase.buyer, shared_purchase.placed_by
    client.force_login(crates_admin)
    part = part_of(shared_purchase, crates)

    pages = [
        client.get(reverse("workspace:part-list", kwargs={"slug": crates.slug})).content.decode(),
        client.get(
            reverse("workspace:part-detail", kwargs={"slug": crates.slug, "number": part.number})
        ).content.decode(),
    ]

    for text in pages:
        assert person.email not in text
        assert buyer.name in text
    # The dashboard's order pages and their CSV are the operators': the member lands in the workspace.
    assert client.get(f"/shop/dashboard/orders/{part.number}/")["Location"] == reverse(
        "workspace:part-detail", kwargs={"slug": crates.slug, "number": part.number}
    )


def test_an_operator_still_sees_the_person(client, shared_purchase, crates, staff_user):
    from marketplace.accounts.services import operator_make

    operator_make(user=staff_user)
    client.force_login(staff_user)
    assert shared_purchase.placed_by.email in orders_csv(client, part_of(shared_purchase, crates))
