"""The basket grouped by supplier, the one-page B2B checkout and the buyer's purchase pages."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set, purchase_place
from marketplace.payments.models import Invoice
from marketplace.payments.services import invoice_issue, invoice_mark_paid
from tests.factories import BuyerFactory, MembershipFactory, SupplierFactory, UserFactory, goods_for_supplier
from tests.order.helpers import checkout_details

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db

CHECKOUT = "/shop/checkout/"


@pytest.fixture
def crates():
    return SupplierFactory(name="Green Crates")


@pytest.fixture
def yard():
    return SupplierFactory(name="Reuse Yard")


@pytest.fixture
def apples(crates):
    return goods_for_supplier(supplier=crates, title="Apples", price=Decimal("10.00"), num_in_stock=50)


@pytest.fixture
def bricks(yard):
    return goods_for_supplier(supplier=yard, title="Reused bricks", price=Decimal("2.50"), num_in_stock=500)


def add(client, product, quantity):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})


def form_data(client, **overrides):
    """The checkout form as the page prefills it, with the test's changes."""
    form = client.get(CHECKOUT).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    # The factory's buyer has a city but no street: the buyer completes the form.
    data.update(
        billing_street_address="1 rue du Marché",
        billing_postcode="1111",
        delivery_street_address="2 rue du Port",
        delivery_postcode="2222",
    )
    data.update(overrides)
    return data


@pytest.fixture
def buyer_basket(client, buyer, buyer_admin, apples, bricks):
    client.force_login(buyer_admin)
    add(client, apples, 3)
    add(client, bricks, 100)
    return client


def test_basket_groups_lines_by_supplier_with_subtotals(buyer_basket):
    page = buyer_basket.get(reverse("basket:summary")).content.decode()
    assert page.count('class="basket-supplier card') == 2
    assert "Green Crates" in page and "Reuse Yard" in page
    assert "€30.00 excl. VAT" in page and "€250.00 excl. VAT" in page


def test_quantity_below_minimum_is_refused_with_the_reason(client, buyer_admin, buyer, crates):
    eggs = goods_for_supplier(supplier=crates, title="Eggs", attributes={"unit": "tray", "minimum_order_quantity": 10})
    client.force_login(buyer_admin)
    response = add(client, eggs, 2)
    assert response.status_code == 302
    page = client.get(reverse("basket:summary")).content.decode()
    assert "The minimum order is 10." in page
    assert Basket.objects.get(owner=buyer_admin).num_lines == 0


def test_checkout_is_prefilled_and_shows_net_vat_gross(buyer_basket, buyer):
    response = buyer_basket.get(CHECKOUT)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["vat_id"].value() == buyer.vat_id
    page = response.content.decode()
    assert "Note to Green Crates" in page and "Note to Reuse Yard" in page
    assert "€280.00" in page  # net; the VAT rates of FR apply to both suppliers
    assert "By card" not in page  # no Stripe keys in the tests' settings


def test_checkout_by_invoice_places_one_part_per_supplier(buyer_basket, buyer_admin, crates):
    data = form_data(buyer_basket, purchase_order_reference="PO-77", **{f"note_{crates.pk}": "Ring twice"})
    response = buyer_basket.post(CHECKOUT, data)
    assert response.status_code == 302, response.context["form"].errors

    purchase = Purchase.objects.get()
    assert response.status_code == 302 and response.url == f"/shop/purchases/{purchase.number}/"
    assert purchase.parts.count() == 2
    assert purchase.parts.get(supplier=crates).buyer_note == "Ring twice"
    page = buyer_basket.get(response.url).content.decode()
    assert "PO-77" in page and page.count('class="purchase-part card') == 2
    assert page.count(f"purchase {purchase.number} is placed") == 1  # once, not once per layout


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"billing_country": "LU", "vat_id": "LU123"}, "vat_id", "This is not a valid VAT ID format for this country"),
        ({"billing_country": "LU", "vat_id": "DE123456789"}, "vat_id", "starts with LU"),
        ({"billing_country": "RS", "vat_id": "123456789"}, "vat_id", "check digit is wrong"),
        ({"wished_date": "2020-01-01"}, "wished_date", "cannot be in the past"),
        ({"delivery_city": ""}, "delivery_city", "This field is required."),
    ],
)
def test_bad_checkout_input_says_why_and_places_nothing(buyer_basket, changes, field, message):
    response = buyer_basket.post(CHECKOUT, form_data(buyer_basket, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Purchase.objects.exists()
    # The basket is untouched: the buyer corrects and tries again.
    assert response.context["parts"][0].lines


def test_serbian_pib_is_accepted(buyer_basket):
    serbian_billing = form_data(buyer_basket, billing_country="RS", vat_id="101134702")
    shown = buyer_basket.post(CHECKOUT, serbian_billing)  # the VAT for a Serbian buyer, shown first
    assert shown.status_code == 200 and not shown.context["form"].errors
    response = buyer_basket.post(CHECKOUT, serbian_billing | {"vat_basis": "RS:registered"})
    assert response.status_code == 302, response.context["form"].errors
    assert Purchase.objects.get().vat_id == "101134702"


def test_only_buyer_members_can_check_out(client, apples):
    outsider = UserFactory()
    client.force_login(outsider)
    add(client, apples, 1)
    response = client.get(CHECKOUT, follow=True)
    assert "Only members of a buyer organisation can check out" in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(CHECKOUT)
    assert response.status_code == 302 and response.url.startswith("/accounts/sign-in/")


def test_stock_gone_meanwhile_sends_back_to_basket_with_the_reason(buyer_basket, apples):
    data = form_data(buyer_basket)
    apples.stockrecords.update(num_allocated=49)
    response = buyer_basket.post(CHECKOUT, data, follow=True)
    assert "Apples" in response.content.decode() and "a maximum of 1 can be bought" in response.content.decode()
    assert not Purchase.objects.exists()


@pytest.fixture
def placed(buyer, buyer_admin, apples, bricks):
    from tests.order.helpers import basket_with

    basket = basket_with(buyer_admin, (apples, 2), (bricks, 10))
    return purchase_place(
        basket=basket, user=buyer_admin, buyer=buyer, details=checkout_details(), payment_method="invoice"
    )


def test_every_member_of_the_buyer_sees_its_purchases_and_statuses(client, placed, buyer_member):
    part = placed.parts.get(number__endswith="-1")
    part_status_set(part=part, status=PartStatus.ACCEPTED)
    client.force_login(buyer_member)
    listing = client.get(reverse("purchases:list")).content.decode()
    # Statuses read as people say them; the attribute keeps the status itself.
    assert placed.number in listing and ">Confirmed</span>" in listing and ">Placed</span>" in listing
    detail = client.get(placed.get_absolute_url()).content.decode()
    assert "Green Crates" in detail and "Reuse Yard" in detail
    assert 'data-status="Accepted">Confirmed</span>' in detail


def test_the_buyer_reads_why_a_supplier_declined_or_cancelled(client, placed, buyer_member):
    declined, cancelled = placed.parts.order_by("number")
    part_status_set(part=declined, status=PartStatus.REJECTED, reason="No apples left this season")
    part_status_set(part=cancelled, status=PartStatus.ACCEPTED)
    part_status_set(part=cancelled, status=PartStatus.CANCELLED, reason="Our van broke down")
    client.force_login(buyer_member)
    detail = client.get(placed.get_absolute_url()).content.decode()
    assert f"Declined by {declined.supplier.name}, who says why:</strong> No apples left this season" in detail
    assert f"Cancelled by {cancelled.supplier.name}, who says why:</strong> Our van broke down" in detail
    assert 'data-status="Rejected">Declined</span>' in detail


def test_other_organisations_and_suppliers_get_404(client, placed, crates):
    other_buyer_member = UserFactory()
    MembershipFactory(user=other_buyer_member, organisation=BuyerFactory())
    supplier_member = crates.memberships.get().user
    for user in (other_buyer_member, supplier_member):
        client.force_login(user)
        assert client.get(placed.get_absolute_url()).status_code == 404
        assert placed.number not in client.get(reverse("purchases:list")).content.decode()


def test_purchase_list_query_count_is_constant(
    client, django_assert_max_num_queries, buyer, buyer_admin, apples, bricks
):
    from tests.order.helpers import basket_with

    for _ in range(6):
        purchase_place(
            basket=basket_with(buyer_admin, (apples, 1), (bricks, 1)),
            user=buyer_admin,
            buyer=buyer,
            details=checkout_details(),
            payment_method="invoice",
        )
    client.force_login(buyer_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("purchases:list"))
    assert len(response.context["purchases"]) == 6


def test_minimum_order_starts_the_quantity_and_needs_that_much_stock(client, crates):
    eggs = goods_for_supplier(
        supplier=crates, title="Eggs", num_in_stock=12, attributes={"unit": "tray", "minimum_order_quantity": 10}
    )
    page = client.get(eggs.get_absolute_url()).content.decode()
    assert 'name="quantity" id="id_quantity" class="form-control" value="10" min="10"' in page
    assert "Minimum order: 10" in page
    eggs.stockrecords.update(num_in_stock=9)
    assert 'id="add_to_basket_form"' not in client.get(eggs.get_absolute_url()).content.decode()


def payment_states(page):
    return re.findall(r'class="payment-state" data-payment="([\w-]+)">([^<]+)<', page)


def test_an_invoice_purchase_shows_each_parts_real_payment(client, placed, buyer_admin, crates):
    """Placed by invoice is not paid: each part says whether it is invoiced, open, overdue or paid."""
    client.force_login(buyer_admin)
    assert payment_states(client.get(placed.get_absolute_url()).content.decode()) == [
        ("not-invoiced", "Not invoiced yet"), ("not-invoiced", "Not invoiced yet"), ("not-invoiced", "Not invoiced yet")
    ]  # fmt: skip
    crates_part, yard_part = placed.parts.order_by("number")
    crates_invoice = invoice_issue(crates_part)
    invoice_issue(yard_part)
    invoice_mark_paid(invoice=crates_invoice, by=crates.memberships.get().user)
    states = payment_states(client.get(placed.get_absolute_url()).content.decode())
    assert states[0] == ("open", "1 of 2 invoices paid")
    assert states[1][0] == "paid" and crates_invoice.number in states[1][1]
    assert states[2][0] == "open" and "to pay by" in states[2][1]
    listing = client.get(reverse("purchases:list")).content.decode()
    assert payment_states(listing) == [("open", "1 of 2 invoices paid")] and "Paid by invoice" not in listing
    # An issued invoice never changes; an old one is made by moving its due date in the database.
    Invoice.objects.filter(order=yard_part).update(due_on=date.today() - timedelta(days=1))
    states = payment_states(client.get(placed.get_absolute_url()).content.decode())
    assert states[0] == ("overdue", "Overdue") and states[2][0] == "overdue"
