"""Fixtures of a purchase shared by two suppliers, with its people: the invoice and
notification tests check that each side sees its own part and nothing of the other's.
Imported by tests/payments/conftest.py and the notification tests."""

from decimal import Decimal

import pytest

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set, purchase_place
from tests.factories import BuyerFactory, MembershipFactory, SupplierFactory, UserFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details


@pytest.fixture
def crates_admin(db):
    return UserFactory(email="carla@green-crates.example", first_name="Carla")


@pytest.fixture
def crates(crates_admin):
    return SupplierFactory(
        name="Green Crates",
        country="FR",
        street_address="4 rue des Jardins",
        postcode="57000",
        city="Metz",
        vat_id="FR46401234562",
        created_by=crates_admin,
    )


@pytest.fixture
def yard_admin(db):
    return UserFactory(email="yann@reuse-yard.example", first_name="Yann")


@pytest.fixture
def yard(yard_admin):
    return SupplierFactory(name="Reuse Yard", country="LU", city="Esch-sur-Alzette", created_by=yard_admin)


@pytest.fixture
def other_buyer_member(db):
    """A member of another buying firm."""
    member = UserFactory(email="olga@other-firm.example")
    BuyerFactory(name="Other Firm", created_by=member)
    return member


@pytest.fixture
def shared_purchase(buyer, buyer_admin, crates, yard):
    """Apples (5.5 % VAT) and crate hire (20 %) from Green Crates, reused bricks (17 %) from
    Reuse Yard, each with the buyer's note to that supplier."""
    apples = goods_for_supplier(
        supplier=crates, title="Organic apples", price=Decimal("10.00"), attributes={"unit": "box", "vat_rate": 5.5}
    )
    hire = goods_for_supplier(supplier=crates, title="Crate hire", price=Decimal("3.00"))
    bricks = goods_for_supplier(supplier=yard, title="Reused bricks", price=Decimal("2.50"), num_in_stock=100)
    basket = basket_with(buyer_admin, (apples, 2), (hire, 5), (bricks, 40))
    return purchase_place(
        basket=basket,
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(
            supplier_notes={crates.pk: "Ring at the back door", yard.pk: "Leave the bricks by gate 3"}
        ),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )


def part_of(purchase, supplier):
    return purchase.parts.get(supplier=supplier)


def accept(purchase, supplier):
    """The supplier accepts its part, which issues its invoice."""
    part = part_status_set(part=part_of(purchase, supplier), status=PartStatus.ACCEPTED)
    return part.invoice_or_none


@pytest.fixture
def crates_invoice(shared_purchase, crates):
    return accept(shared_purchase, crates)


@pytest.fixture
def yard_invoice(shared_purchase, yard):
    return accept(shared_purchase, yard)


@pytest.fixture
def crates_member(crates):
    member = UserFactory(email="max@green-crates.example")
    MembershipFactory(user=member, organisation=crates)
    return member
