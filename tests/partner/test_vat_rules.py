"""The VAT treatment of every pair of our countries, for goods and services, with and
without a usable VAT ID: the expected tables below are written by hand from the
Directive (arts. 44, 138, 146, 196) and Serbia's VAT law (arts. 12, 24), one row per
supplier country, one column per buyer country."""

from datetime import date
from decimal import Decimal

import pytest

from marketplace.partner import vat_rules
from marketplace.partner.vat_rules import BuyerVat

COUNTRIES = ["LU", "FR", "DE", "BE", "NL", "RS"]
# D domestic, N no usable VAT ID: supplier's VAT, I exempt intra-Community supply, R reverse
# charge, S reverse charge of a Serbian supplier's service, E export from the EU,
# X export from Serbia, O service outside the scope of EU VAT.
CODES = {
    "D": "domestic", "N": "not_registered", "I": "intra_community_supply", "R": "reverse_charge",
    "S": "reverse_charge_from_serbia", "E": "export", "X": "export_from_serbia", "O": "outside_eu_scope",
}  # fmt: skip
EXPECTED = {
    # (kind, registered): rows LU FR DE BE NL RS (supplier), columns the same (buyer)
    ("goods", True): ["DIIIIE", "IDIIIE", "IIDIIE", "IIIDIE", "IIIIDE", "XXXXXD"],
    ("goods", False): ["DNNNNE", "NDNNNE", "NNDNNE", "NNNDNE", "NNNNDE", "XXXXXD"],
    ("service", True): ["DRRRRO", "RDRRRO", "RRDRRO", "RRRDRO", "RRRRDO", "SSSSSD"],
    ("service", False): ["DNNNNN", "NDNNNN", "NNDNNN", "NNNDNN", "NNNNDN", "NNNNND"],
}


def combinations():
    for (kind, registered), rows in EXPECTED.items():
        for supplier, row in zip(COUNTRIES, rows, strict=True):
            for buyer, code in zip(COUNTRIES, row, strict=True):
                yield pytest.param(
                    supplier, buyer, kind, registered, CODES[code],
                    id=f"{supplier}->{buyer}-{kind}-{'vat-id' if registered else 'no-vat-id'}",
                )  # fmt: skip


@pytest.mark.parametrize(("supplier", "buyer", "kind", "registered", "expected"), list(combinations()))
def test_every_country_pair_kind_and_vat_id(supplier, buyer, kind, registered, expected):
    chosen = vat_rules.treatment(supplier_country=supplier, buyer=BuyerVat(buyer, registered), kind=kind)
    assert chosen.code == expected


@pytest.mark.parametrize(
    ("supplier", "buyer", "kind", "product_rate", "rate"),
    [
        ("FR", "FR", "goods", Decimal("5.5"), Decimal("5.5")),  # the product's reduced rate at home
        ("LU", "LU", "service", None, Decimal("17")),  # the standard rate when the product sets none
        ("FR", "LU", "goods", Decimal("5.5"), Decimal("0")),  # exempt intra-Community supply
        ("DE", "LU", "service", None, Decimal("0")),  # reverse charge
        ("RS", "LU", "goods", Decimal("10"), Decimal("0")),  # export from Serbia
        ("RS", "RS", "goods", Decimal("10"), Decimal("10")),
    ],
)
def test_the_rate_on_the_invoice(supplier, buyer, kind, product_rate, rate):
    assert (
        vat_rules.line_rate(
            supplier_country=supplier, buyer=BuyerVat(buyer, True), kind=kind, product_rate=product_rate
        )
        == rate
    )


def test_without_a_known_buyer_the_supplier_charges_its_vat():
    assert vat_rules.treatment(supplier_country="FR", buyer=None, kind="goods") == vat_rules.DOMESTIC


def test_every_exemption_has_an_invoice_mention_and_a_reference_valid_today():
    for treatment in vat_rules.TREATMENTS.values():
        assert treatment.reference and treatment.valid_on(date.today())
        assert bool(treatment.mention) != treatment.charges_vat
