"""What a supplier's member sees in the workspace: one page per section, each in the
site's design, each listing what the supplier has to act on."""

from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.order.models import PartStatus
from marketplace.order.services import part_status_set
from tests.factories import MembershipFactory, SupplierFactory, goods_for_supplier, service_for_supplier

pytestmark = pytest.mark.django_db


def url(name, supplier, **kwargs):
    return reverse(f"workspace:{name}", kwargs={"slug": supplier.slug, **kwargs})


def test_the_workspace_opens_on_the_members_only_supplier(client, crates_member, crates):
    client.force_login(crates_member)
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 302
    assert response.url == url("overview", crates)


def test_a_member_of_several_suppliers_chooses_one(client, crates_member, crates):
    other = SupplierFactory(name="Second Chance Bikes")
    MembershipFactory(user=crates_member, organisation=other)
    client.force_login(crates_member)
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert url("overview", crates) in page and url("overview", other) in page


def test_someone_without_a_supplier_is_told_the_workspace_is_for_members(client, buyer_admin):
    client.force_login(buyer_admin)
    response = client.get(reverse("workspace:home"))
    assert response.status_code == 403
    assert "The workspace is for members of a social enterprise" in response.content.decode()


def test_the_overview_lists_what_needs_doing_with_links(client, crates_member, crates, crates_part, crates_sourcing):
    client.force_login(crates_member)
    response = client.get(url("overview", crates))
    assert response.status_code == 200
    page = response.content.decode()
    assert "base.html" in [t.name for t in response.templates]
    # The new order part to confirm, linking to its page
    assert "1 order part to confirm" in page
    assert url("part-detail", crates, number=crates_part.number) in page
    assert "Acme Procurement" in page
    # The invitation still open, with its deadline; not the quoted one
    assert "1 invitation to quote" in page
    assert "Crates for the canteen" in page and crates_sourcing["open_need"].get_absolute_url() in page
    assert "quotes due by" in page
    assert "Crates for the market stall" not in page
    # The conversation whose last word is the buyer's, not the answered one
    assert "1 message to answer" in page
    assert crates_sourcing["waiting"].get_absolute_url() in page
    assert "Crate sizes" not in page
    # Another supplier's work is not shown
    assert "Secret yard" not in page
    # Money and payouts
    assert "0 open invoices" in page
    assert "Card payments are not switched on" in page or "Card payouts" in page
    # What the profile lacks (the fixture has an address and VAT ID, no logo nor IBAN)
    missing = response.context["overview"].profile_missing
    assert "a logo" in [str(m) for m in missing] and "an IBAN for transfers" in [str(m) for m in missing]
    assert "a VAT ID" not in [str(m) for m in missing]
    assert reverse("organisations:supplier-edit", kwargs={"slug": crates.slug}) in page


def test_the_overview_counts_open_and_overdue_invoices(client, crates_member, crates, crates_invoice):
    type(crates_invoice).objects.filter(pk=crates_invoice.pk).update(due_on="2020-01-31")
    client.force_login(crates_member)
    page = client.get(url("overview", crates)).content.decode()
    assert "1 open invoice, €" in page
    assert "1 overdue, €" in page
    assert "0 order parts to confirm" in page


def test_the_order_list_filters_by_status(client, crates_member, crates, crates_part, yard_part):
    client.force_login(crates_member)
    page = client.get(url("part-list", crates)).content.decode()
    assert crates_part.number in page and "Not invoiced yet" in page
    assert yard_part.number not in page
    assert crates_part.number not in client.get(url("part-list", crates), {"status": "Accepted"}).content.decode()
    assert crates_part.number in client.get(url("part-list", crates), {"status": "Placed"}).content.decode()
    # An unknown status lists everything rather than failing
    response = client.get(url("part-list", crates), {"status": "<nonsense>"})
    assert response.status_code == 200 and crates_part.number in response.content.decode()


def test_the_part_page_shows_what_the_supplier_needs_to_fulfil_it(client, crates_member, crates, crates_part):
    client.force_login(crates_member)
    response = client.get(url("part-detail", crates, number=crates_part.number))
    page = response.content.decode()
    assert "Organic apples" in page and "Crate hire" in page
    assert "Reused bricks" not in page  # the other supplier's line
    assert "Acme Procurement" in page
    assert "2 rue du Port" in page  # delivery address
    assert "Ring at the back door" in page and "Leave the bricks by gate 3" not in page
    assert "Not invoiced yet" in page
    assert [status for status, _ in response.context["steps"]] == [PartStatus.ACCEPTED, PartStatus.REJECTED]
    assert "Confirm the order part" in page and "Reason for declining" in page


def test_a_confirmed_part_links_its_invoice_pdf_and_its_history(client, crates_member, crates, crates_invoice):
    client.force_login(crates_member)
    part = crates_invoice.order
    page = client.get(url("part-detail", crates, number=part.number)).content.decode()
    assert reverse("payments:invoice-pdf", kwargs={"pk": crates_invoice.pk}) in page
    assert f"Invoice {crates_invoice.number}" in page
    assert "Placed → Confirmed" in page
    assert "Mark as dispatched" in page and "Confirm the order part" not in page


def test_the_product_list_shows_price_unit_stock_and_visibility(client, crates_member, crates, product_classes):
    goods_for_supplier(supplier=crates, title="Apple crate", price=Decimal("4.20"), attributes={"unit": "crate"})
    service_for_supplier(supplier=crates, title="Crate repair", price=Decimal("35.00"))
    service_for_supplier(
        supplier=crates, title="Custom crates", attributes={"pricing_unit": "project", "on_quote_only": True}
    )
    goods_for_supplier(supplier=crates, title="Prototype crate", is_public=False)
    client.force_login(crates_member)
    response = client.get(url("product-list", crates))
    rows = {row.product.title: row for row in response.context["rows"]}
    assert rows["Apple crate"].price == Decimal("4.20") and rows["Apple crate"].unit == "crate"
    assert rows["Apple crate"].stock == "10"
    assert str(rows["Crate repair"].unit) == "per day"
    assert rows["Custom crates"].stock == "On quote"
    page = response.content.decode()
    assert "Hidden" in page  # the prototype is not public
    edit = reverse("workspace:product-edit", kwargs={"slug": crates.slug, "pk": rows["Apple crate"].product.pk})
    assert edit in page
    for name in ("product-new", "product-import"):
        assert reverse(f"workspace:{name}", kwargs={"slug": crates.slug}) in page


def test_quotes_and_messages_list_the_suppliers_own(client, crates_member, crates, crates_sourcing):
    client.force_login(crates_member)
    page = client.get(url("quotes", crates)).content.decode()
    assert "Crates for the canteen" in page and "Crates for the market stall" in page
    assert "€480.00" in page and "Submitted" in page
    assert crates_sourcing["waiting"].get_absolute_url() in page and "to answer" in page
    assert crates_sourcing["answered"].get_absolute_url() in page
    assert "Secret yard" not in page


def test_money_lists_invoices_with_totals_and_the_payout_status(client, crates_member, crates, crates_invoice):
    client.force_login(crates_member)
    response = client.get(url("money", crates))
    page = response.content.decode()
    assert crates_invoice.number in page
    assert reverse("payments:invoice-pdf", kwargs={"pk": crates_invoice.pk}) in page
    assert response.context["totals"].open_count == 1
    assert response.context["totals"].open_total == crates_invoice.total_incl_tax
    assert "Mark paid" in page
    assert "Card payments are not switched on" in page


def test_money_offers_stripe_onboarding_when_card_payments_are_on(client, crates_member, crates, settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    client.force_login(crates_member)
    page = client.get(url("money", crates)).content.decode()
    assert "not connected to Stripe" in page
    assert reverse("payments:onboarding-start", kwargs={"slug": crates.slug}) in page


def test_supplier_members_have_a_workspace_link_in_the_header(client, crates_member, buyer_admin):
    client.force_login(crates_member)
    assert reverse("workspace:home") in client.get(reverse("accounts:home")).content.decode()
    client.force_login(buyer_admin)
    assert reverse("workspace:home") not in client.get(reverse("accounts:home")).content.decode()


def test_a_part_awaiting_card_payment_offers_no_step(client, crates_member, crates, crates_part):
    type(crates_part).objects.filter(pk=crates_part.pk).update(status=PartStatus.AWAITING_PAYMENT)
    client.force_login(crates_member)
    response = client.get(url("part-detail", crates, number=crates_part.number))
    assert response.context["steps"] == []
    assert "Waiting for the buyer's card payment" in response.content.decode()


def test_a_closed_part_says_so(client, crates_member, crates, crates_part):
    part_status_set(part=crates_part, status=PartStatus.REJECTED)
    client.force_login(crates_member)
    assert (
        "this order part is closed"
        in client.get(url("part-detail", crates, number=crates_part.number)).content.decode()
    )
