"""A supplier moves its own part of a purchase through the status flow in the dashboard."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import PartStatus
from marketplace.order.services import purchase_place
from tests.factories import SupplierFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_purchase(buyer, buyer_admin, supplier):
    other = SupplierFactory(name="Clean Team")
    chairs = goods_for_supplier(supplier=supplier, title="Repaired chairs", price=Decimal("40.00"), num_in_stock=8)
    soap = goods_for_supplier(supplier=other, title="Eco soap", price=Decimal("3.00"), num_in_stock=100)
    return purchase_place(
        basket=basket_with(buyer_admin, (chairs, 4), (soap, 20)),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(),
        payment_method="invoice",
    )


def change(client, part, status):
    return client.post(
        reverse("dashboard:order-detail", kwargs={"number": part.number}),
        {"order_action": "change_order_status", "new_status": status},
        follow=True,
    )


def test_supplier_accepts_then_ships_its_part(
    client, supplier, supplier_member, shared_purchase, buyer_admin, django_capture_on_commit_callbacks
):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(supplier_member)

    page = client.get(reverse("dashboard:order-detail", kwargs={"number": part.number})).content.decode()
    assert "Repaired chairs" in page and "Eco soap" not in page
    assert "PO-2026-17" in page and "Esch-sur-Alzette" in page  # the buyer's reference and delivery address

    with django_capture_on_commit_callbacks(execute=True):
        change(client, part, PartStatus.ACCEPTED)
    part.refresh_from_db()
    assert part.status == PartStatus.ACCEPTED
    assert part.invoice.total_incl_tax == part.total_incl_tax
    assert any(message.to == [buyer_admin.email] and "Confirmed" in message.subject for message in mail.outbox)

    change(client, part, PartStatus.SHIPPED)
    part.refresh_from_db()
    assert part.status == PartStatus.SHIPPED
    stock = StockRecord.objects.get(product__title="Repaired chairs")
    assert (stock.num_in_stock, stock.num_allocated) == (4, 0)


def test_illegal_step_is_refused_with_a_message(client, supplier, supplier_member, shared_purchase):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(supplier_member)
    response = change(client, part, PartStatus.COMPLETED)
    part.refresh_from_db()
    assert part.status == PartStatus.PLACED
    assert response.status_code == 200


def test_supplier_cannot_see_or_change_the_other_suppliers_part(client, supplier, supplier_member, shared_purchase):
    other_part = shared_purchase.parts.exclude(supplier=supplier).get()
    client.force_login(supplier_member)
    url = reverse("dashboard:order-detail", kwargs={"number": other_part.number})
    assert client.get(url).status_code == 404
    client.post(url, {"order_action": "change_order_status", "new_status": PartStatus.REJECTED})
    other_part.refresh_from_db()
    assert other_part.status == PartStatus.PLACED
    listing = client.get(reverse("dashboard:order-list")).content.decode()
    assert other_part.number not in listing and "Eco soap" not in listing
