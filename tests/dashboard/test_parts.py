"""An operator moves a supplier's part of a purchase through the status flow in the
dashboard: the part's status service runs (stock, invoice, the buyer's e-mail), as it
does for the supplier's own steps in the workspace (tests/workspace/test_parts.py)."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import translation
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


def test_operator_accepts_then_ships_a_part(
    client, supplier, superuser, shared_purchase, buyer_admin, django_capture_on_commit_callbacks
):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(superuser)

    page = client.get(reverse("dashboard:order-detail", kwargs={"number": part.number})).content.decode()
    assert "Repaired chairs" in page and "Eco soap" not in page  # a part holds one supplier's lines

    with django_capture_on_commit_callbacks(execute=True):
        change(client, part, PartStatus.ACCEPTED)
    part.refresh_from_db()
    assert part.status == PartStatus.ACCEPTED
    assert part.invoice_or_none.total_incl_tax == part.total_incl_tax
    assert any(message.to == [buyer_admin.email] and "Confirmed" in message.subject for message in mail.outbox)

    change(client, part, PartStatus.SHIPPED)
    part.refresh_from_db()
    assert part.status == PartStatus.SHIPPED
    stock = StockRecord.objects.get(product__title="Repaired chairs")
    assert (stock.num_in_stock, stock.num_allocated) == (4, 0)


def test_illegal_step_is_refused_with_a_message(client, supplier, superuser, shared_purchase):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(superuser)
    response = change(client, part, PartStatus.COMPLETED)
    part.refresh_from_db()
    assert part.status == PartStatus.PLACED
    assert response.status_code == 200


def test_a_supplier_member_is_sent_to_the_part_in_the_workspace(client, supplier, supplier_member, shared_purchase):
    part = shared_purchase.parts.get(supplier=supplier)
    other_part = shared_purchase.parts.exclude(supplier=supplier).get()
    client.force_login(supplier_member)
    response = client.get(reverse("dashboard:order-detail", kwargs={"number": part.number}))
    assert response["Location"] == reverse(
        "workspace:part-detail", kwargs={"slug": supplier.slug, "number": part.number}
    )
    url = reverse("dashboard:order-detail", kwargs={"number": other_part.number})
    assert client.get(url)["Location"] == reverse("workspace:home")
    client.post(url, {"order_action": "change_order_status", "new_status": PartStatus.REJECTED})
    other_part.refresh_from_db()
    assert other_part.status == PartStatus.PLACED


def test_the_order_list_names_statuses_in_the_operators_language_and_still_changes_them(
    client, supplier, superuser, shared_purchase
):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(superuser)
    with translation.override("de"):
        url = reverse("dashboard:order-list")
        expected = str(PartStatus.LABELS[PartStatus.PLACED])
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    assert expected != PartStatus.PLACED
    assert expected in [cell.get_text(strip=True) for cell in page.select("tbody td")]
    option = page.find("option", string=str(PartStatus.LABELS[PartStatus.ACCEPTED]))
    assert option["value"] == PartStatus.ACCEPTED  # the value Oscar's view reads stays the stored one

    client.post(url, {"action": "change_order_statuses", "selected_order": part.pk, "new_status": option["value"]})
    part.refresh_from_db()
    assert part.status == PartStatus.ACCEPTED


def test_the_order_page_and_its_filter_name_statuses_in_the_operators_language(
    client, supplier, superuser, shared_purchase, django_capture_on_commit_callbacks
):
    part = shared_purchase.parts.get(supplier=supplier)
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        change(client, part, PartStatus.ACCEPTED)
    with translation.override("fr"):
        placed, confirmed = str(PartStatus.LABELS[PartStatus.PLACED]), str(PartStatus.LABELS[PartStatus.ACCEPTED])
        detail = reverse("dashboard:order-detail", kwargs={"number": part.number})
        listing = reverse("dashboard:order-list")
    assert (placed, confirmed) == ("Passée", "Confirmée")

    page = BeautifulSoup(client.get(detail).content.decode(), "html.parser")
    cells = [cell.get_text(strip=True) for cell in page.select("td")]
    assert cells.count(confirmed) >= 2  # the part's status and its line's
    assert [placed, confirmed] == [cell for cell in cells if cell in (placed, confirmed)][-2:]  # the change history
    shipped = page.select_one('#order_status_form option[value="Shipped"]')
    assert shipped.get_text(strip=True) == "Expédiée"
    assert page.select_one('#new_status_select option[value="Shipped"]').get_text(strip=True) == "Expédiée"

    filtered = BeautifulSoup(client.get(listing, {"status": PartStatus.ACCEPTED}).content.decode(), "html.parser")
    assert filtered.select_one('select[name="status"] option[selected]').get_text(strip=True) == confirmed
    assert confirmed in filtered.get_text() and "Accepted" not in filtered.get_text()
