"""Declared spend in the buyer's impact report and its downloads: beside the platform's
figures, with its own totals computed by hand, counted once however often a file comes
back, and gone with its import."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from marketplace.impact.selectors import impact_report
from marketplace.order.services import QuotedLine, QuotedPart, purchase_place_quoted
from marketplace.spend.services import Decision, import_delete, match_decide, spend_import
from tests.order.helpers import checkout_details
from tests.spend.conftest import spend_csv

pytestmark = pytest.mark.django_db
YEAR = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


@pytest.fixture
def platform_order(suppliers, buyer, buyer_admin):
    """€500 bought through the platform from Atelier Vert, in the year of the file."""
    line = QuotedLine("Cleaning", 1, Decimal("500.00"), Decimal("0"), Decimal("500.00"), Decimal("0"))
    purchase = purchase_place_quoted(
        buyer=buyer, user=buyer_admin, details=checkout_details(), parts=[QuotedPart(suppliers.vert, [line])]
    )
    purchase.parts.update(date_placed="2025-06-01T10:00:00Z")


def test_matched_rows_count_as_declared_spend_beside_the_platforms(suppliers, buyer, buyer_admin, platform_order):
    spend = spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    report = impact_report(buyer=buyer, **YEAR)
    # Matched by hand: Atelier Vert 1200 + 300 + 40, Bâti-Réemploi 450.50, Grüne Werkstatt
    # 1000, Kuhinja Srca 250 + 100. Rows to review and not on the platform do not count.
    assert report.total_spend == Decimal("500.00")  # the platform's figure is untouched
    assert report.declared.total == Decimal("3340.50")
    assert (report.declared.lines, report.declared.supplier_count) == (7, 4)
    assert report.spend_with_declared == Decimal("3840.50")
    by_supplier = {row.label: (row.lines, row.spend, row.share) for row in report.declared.by_supplier}
    assert by_supplier["Atelier Vert"] == (3, Decimal("1540.00"), Decimal("46.1"))
    assert by_supplier["Kuhinja Srca d.o.o."] == (2, Decimal("350.00"), Decimal("10.5"))

    match_decide(spend=spend, name_key="lorraine catering", decision=Decision.CONFIRM)
    report = impact_report(buyer=buyer, **YEAR)
    assert (report.declared.total, report.declared.lines, report.declared.supplier_count) == (
        Decimal("3400.50"),
        8,
        5,
    )
    # Another period leaves the rows of 2025 out.
    assert impact_report(buyer=buyer, start=date(2026, 1, 1), end=date(2026, 1, 31)).declared.lines == 0


def test_a_file_imported_again_counts_once_and_a_deleted_import_leaves_the_report(suppliers, buyer, buyer_admin):
    first = spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    # The same rows in a file with one more row: only the new row is added.
    more = spend_csv() + b"Atelier Vert;;25;2025-07-01;;;F-99;4300\n"
    second = spend_import(buyer=buyer, by=buyer_admin, filename="spend-july.csv", content=more)
    assert second.lines.count() == 1 and second.duplicates == 12
    assert impact_report(buyer=buyer, **YEAR).declared.total == Decimal("3365.50")
    import_delete(spend=first)
    assert impact_report(buyer=buyer, **YEAR).declared.total == Decimal("25.00")


def test_the_page_and_downloads_show_declared_spend_marked_as_such(client, suppliers, buyer, buyer_admin):
    spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    client.force_login(buyer_admin)
    query = "?start=2025-01-01&end=2025-12-31"
    page = client.get(reverse("impact:report", kwargs={"slug": buyer.slug}) + query).content.decode()
    assert "Declared spend (not verified by the platform)" in page
    assert 'data-figure="declared_spend">€3,340.50' in page.replace("\xa0", "")
    export = client.get(reverse("impact:export", kwargs={"slug": buyer.slug, "fmt": "csv"}) + query)
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert ["Declared spend, not verified by the platform (EUR excl. VAT)", "3340.50"] in rows
    assert ["Atelier Vert", "FR", "3", "1540.00", "46.1"] in rows
