"""A buyer in Luxembourg ordering from French, German and Serbian social enterprises sees,
for each part, which VAT applies and why before placing the order, and the placed part
keeps it for its invoice. Figures computed by hand: the rules are tests/partner/test_vat_rules.py."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from marketplace.order.models import Purchase
from tests.factories import BuyerFactory, SupplierFactory, goods_for_supplier, service_for_supplier
from tests.order.test_views import CHECKOUT, add, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def luxembourg_buyer(client, buyer_admin):
    BuyerFactory(name="Kredit Mosel", country="LU", vat_id="LU12345613", created_by=buyer_admin)
    client.force_login(buyer_admin)
    return client


@pytest.fixture
def basket(luxembourg_buyer):
    french = SupplierFactory(name="Conserverie Metz", country="FR")
    german = SupplierFactory(name="Druckwerk Trier", country="DE")
    serbian = SupplierFactory(name="Zimnica Subotica", country="RS")
    add(luxembourg_buyer, goods_for_supplier(supplier=french, title="Jam", price=Decimal("4.00")), 10)
    add(luxembourg_buyer, service_for_supplier(supplier=german, title="Printing", price=Decimal("100.00")), 2)
    add(luxembourg_buyer, goods_for_supplier(supplier=serbian, title="Ajvar", price=Decimal("5.00")), 10)
    return luxembourg_buyer


def vat_said(response) -> dict:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        part.h3.get_text(strip=True): [" ".join(p.get_text().split()) for p in part.select(".part-vat")]
        for part in page.select(".checkout-part")
    }


def test_the_checkout_says_per_part_which_vat_applies_and_why(basket):
    response = basket.get(CHECKOUT)

    said = vat_said(response)
    assert said["Conserverie Metz"] == [
        "VAT: Exempt intra-Community supply Exempt intra-Community supply of goods, Article 138 of Directive "
        "2006/112/EC."
    ]
    assert said["Druckwerk Trier"][0].startswith("VAT: Reverse charge: you account for the VAT")
    assert "Article 196" in said["Druckwerk Trier"][0]
    assert said["Zimnica Subotica"][0].startswith("VAT: Exempt export from Serbia")
    # 10 × €4 + 2 × €100 + 10 × €5, none of it with VAT added by the suppliers.
    assert (response.context["total_excl_tax"], response.context["total_tax"]) == (Decimal("290.00"), Decimal("0"))
    assert "Article 138" in basket.get(reverse("basket:summary")).content.decode()


def test_the_placed_parts_keep_their_vat_for_the_invoice(basket):
    response = basket.post(CHECKOUT, form_data(basket))

    assert response.status_code == 302
    purchase = Purchase.objects.get()
    assert (purchase.total_excl_tax, purchase.total_incl_tax) == (Decimal("290.00"), Decimal("290.00"))
    parts = purchase.parts.all()
    assert {part.supplier.name: {line.vat_treatment for line in part.lines.all()} for part in parts} == {
        "Conserverie Metz": {"intra_community_supply"},
        "Druckwerk Trier": {"reverse_charge"},
        "Zimnica Subotica": {"export_from_serbia"},
    }


def test_billing_in_another_country_shows_the_new_vat_before_placing(basket):
    french_billing = form_data(basket, billing_country="FR", vat_id="FR11123456782")

    first = basket.post(CHECKOUT, french_billing)

    assert first.status_code == 200 and not Purchase.objects.exists()
    assert "The VAT is now worked out for the billing details you gave" in first.content.decode()
    said = vat_said(first)
    assert said["Conserverie Metz"] == ["VAT: VAT of the supplier's country"]
    assert said["Druckwerk Trier"][0].startswith("VAT: Reverse charge")
    # French VAT on the jam: 20 % of €40.00.
    assert first.context["total_tax"] == Decimal("8.00")

    second = basket.post(CHECKOUT, {**french_billing, "vat_basis": first.context["form"]["vat_basis"].value()})

    assert second.status_code == 302
    assert Purchase.objects.get().total_incl_tax == Decimal("298.00")
