"""The buyer's declared spend, in a browser on the demo data: from the impact report, the
buyer uploads an export of its ERP, confirms a doubtful supplier, and reads the declared
spend in its report."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.demo.spend import _doubtful
from marketplace.impact.selectors import impact_report
from marketplace.organisations.models import Buyer
from marketplace.spend.names import SupplierIndex
from marketplace.spend.selectors import matchable_suppliers
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser


def test_a_buyer_uploads_its_spend_reviews_a_supplier_and_reads_its_report(live_server, demo_world, page, tmp_path):
    buyer = Buyer.objects.get(memberships__user__email="buyer@example.com")
    index = SupplierIndex(matchable_suppliers().values_list("pk", "name", "vat_id"))
    known, doubtful = next(
        (supplier, variant)
        for supplier in matchable_suppliers().order_by("-pk")
        if (variant := _doubtful(index, supplier.name))
    )
    candidate = matchable_suppliers().get(pk=index.match(name=doubtful, vat_id="").candidate_id)
    today = timezone.localdate().isoformat()
    export = tmp_path / "erp.csv"
    export.write_text(
        f"Supplier name;Amount excl. VAT;Invoice date\n{known.name};100.00;{today}\n{doubtful};23.45;{today}\n"
        f"Nowhere Works;50;{today}\nBroken Row;lots;{today}\n",
        encoding="utf-8",
    )
    declared_before = impact_report(buyer=buyer, start=timezone.localdate(), end=timezone.localdate()).declared.total

    sign_in(page, live_server, "buyer@example.com")
    visit(page, live_server.url + f"/impact/{buyer.slug}/")
    follow(page, page.get_by_role("link", name="Import or review declared spend"))
    page.get_by_label("Spend file").set_input_files(str(export))
    follow(page, page.get_by_role("button", name="Import", exact=True))
    expect(page.locator(".spend-errors")).to_contain_text("The amount is not a number")
    expect(page.locator("[data-status=unmatched]")).to_contain_text("Nowhere Works")
    follow(page, page.get_by_role("button", name=f"Yes, {candidate.name}"))
    expect(page.locator("body")).to_contain_text("Nothing to review.")

    follow(page, page.get_by_role("link", name="Impact report"))
    declared = page.locator("[data-breakdown=declared]")
    expect(declared).to_contain_text(candidate.name)
    expect(page.get_by_role("heading", name="Declared spend (not verified by the platform)")).to_be_visible()
    after = impact_report(buyer=buyer, start=timezone.localdate(), end=timezone.localdate()).declared.total
    assert after - declared_before == Decimal("123.45")  # both rows, the doubtful one once confirmed
    assert not page.problems, page.problems
