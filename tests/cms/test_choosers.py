"""The admin's choosers offer the marketplace's real records: suppliers (verified
ones only) for a story's social enterprises, buyers for its buyer."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import BuyerFactory, SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(supplier, unverified_supplier, buyer):
    SupplierFactory(name="Panier Solidaire Metz", city="Metz")
    BuyerFactory(name="Kredit Mosel", city="Luxembourg")


def test_the_supplier_chooser_offers_verified_suppliers_only(client, editor, organisations):
    client.force_login(editor)
    response = client.get(reverse("supplier_chooser:choose"))

    assertContains(response, "Repair Coop")
    assertContains(response, "Panier Solidaire Metz")
    assertNotContains(response, "Fresh Start Bakery")  # waiting for verification
    assertNotContains(response, "Acme Procurement")  # a buyer
    assertNotContains(response, "Kredit Mosel")


def test_the_supplier_chooser_searches_names_and_towns(client, editor, organisations):
    client.force_login(editor)
    response = client.get(reverse("supplier_chooser:choose_results"), {"q": "panier"})

    assertContains(response, "Panier Solidaire Metz")
    assertNotContains(response, "Repair Coop")


def test_choosing_a_supplier_returns_it_to_the_page_form(client, editor, supplier):
    client.force_login(editor)
    response = client.get(reverse("supplier_chooser:chosen", args=[supplier.pk]))

    assert response.json()["result"]["title"] == "Repair Coop"


def test_the_buyer_chooser_offers_buyers_only(client, editor, organisations):
    client.force_login(editor)
    response = client.get(reverse("buyer_chooser:choose"))

    assertContains(response, "Acme Procurement")
    assertContains(response, "Kredit Mosel")
    assertNotContains(response, "Repair Coop")


def test_choosers_are_for_the_admin_only(client, user, supplier):
    client.force_login(user)
    response = client.get(reverse("supplier_chooser:choose"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))  # the one sign-in page (WAGTAILADMIN_LOGIN_URL)
