"""The impact report's figures equal a hand-computed oracle for fixture orders, and its
CSV, XLSX and PDF downloads hold the same numbers as the page."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from marketplace.impact.selectors import impact_report
from marketplace.order.models import Order, PartStatus
from marketplace.order.services import QuotedLine, QuotedPart, part_status_set, purchase_place_quoted
from marketplace.organisations.models import ImpactArea, Supplier
from marketplace.sourcing import services
from tests.factories import BuyerFactory
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import need_published, past_deadline, quote


def order(buyer, user, supplier, net, *, delivery="FR"):
    line = QuotedLine("Work", 1, Decimal(net), Decimal("0"), Decimal(net), Decimal("0"))
    purchase = purchase_place_quoted(
        buyer=buyer,
        user=user,
        details=checkout_details(delivery_country=delivery),
        parts=[QuotedPart(supplier, [line])],
    )
    return purchase.parts.get()


@pytest.fixture
def spend(market):
    """Bricks Again (FR, Lorraine, cooperative, 6 of 10 from vulnerable groups): €1,000 delivered
    in LU and €350 by an awarded quote delivered in FR. Renovators France, moved to LU without
    region (30 of 40): €500 delivered in LU. Lorraine Caterers (FR, association, workforce not
    declared): €200 delivered in FR. Not counted: a rejected part, last year's part, another
    buyer's part."""
    m = market
    circular = ImpactArea.objects.create(name="Circular economy", slug="circular")
    integration = ImpactArea.objects.create(name="Work integration", slug="integration")
    m.bricks.impact_areas.set([circular])
    m.renovators.impact_areas.set([integration, circular])
    Supplier.objects.filter(pk=m.renovators.pk).update(country="LU", region=None, employees=40, employees_vulnerable=30)
    Supplier.objects.filter(pk=m.caterers.pk).update(
        legal_form=Supplier.LegalForm.ASSOCIATION, employees=None, employees_vulnerable=None
    )
    order(m.buyer, m.officer, m.bricks, "1000.00", delivery="LU")
    order(m.buyer, m.officer, m.renovators, "500.00", delivery="LU")
    order(m.buyer, m.officer, m.caterers, "200.00")
    need = need_published(m)
    winner = quote(need, m.bricks, ("Bricks", "1", "350.00", "20"))
    details = checkout_details(delivery_country="FR")
    services.need_award(need=past_deadline(need), quote=winner, by=m.officer, details=details)
    part_status_set(part=order(m.buyer, m.officer, m.renovators, "999.00"), status=PartStatus.REJECTED)
    old = order(m.buyer, m.officer, m.bricks, "5000.00")
    Order.objects.filter(pk=old.pk).update(date_placed=timezone.now().replace(year=timezone.now().year - 1))
    other = BuyerFactory(name="Other Firm", created_by=m.officer)
    order(other, m.officer, m.bricks, "123.00")
    return m


def this_year():
    today = timezone.localdate()
    return today.replace(month=1, day=1), today


def rows(breakdown):
    return [(row.label, row.spend, row.share) for row in breakdown]


def test_the_figures_equal_the_hand_computed_oracle(spend):
    start, end = this_year()
    report = impact_report(buyer=spend.buyer, start=start, end=end)
    assert report.total_spend == Decimal("2050.00")
    assert report.awarded_spend == Decimal("350.00")
    assert (report.orders, report.supplier_count) == (4, 3)
    # Local: Renovators (LU) delivered in LU, the award and the caterers delivered in FR.
    assert report.local_spend == Decimal("1050.00") and report.local_share == Decimal("51.2")
    # (1350 × 6/10 + 500 × 30/40) / 1850 = 64.05 %; hours: 1350/35 × 0.6 + 500/35 × 0.75 = 33.86
    assert report.workforce_spend == Decimal("1850.00")
    assert report.vulnerable_share == Decimal("64.1")
    assert report.estimated_hours == 34
    assert rows(report.by_sector) == [
        ("Construction", Decimal("1850.00"), Decimal("90.2")),
        ("Food", Decimal("200.00"), Decimal("9.8")),
    ]
    assert rows(report.by_country) == [
        ("France", Decimal("1550.00"), Decimal("75.6")),
        ("Luxembourg", Decimal("500.00"), Decimal("24.4")),
    ]
    assert rows(report.by_region) == [
        ("Lorraine", Decimal("1550.00"), Decimal("75.6")),
        ("No region given", Decimal("500.00"), Decimal("24.4")),
    ]
    assert rows(report.by_legal_form) == [
        ("Cooperative", Decimal("1850.00"), Decimal("90.2")),
        ("Association / non-profit", Decimal("200.00"), Decimal("9.8")),
    ]
    assert rows(report.by_impact) == [
        ("Circular economy", Decimal("1850.00"), Decimal("90.2")),
        ("Work integration", Decimal("500.00"), Decimal("24.4")),
    ]
    assert [(r.label, r.spend, r.orders, r.vulnerable_share, r.estimated_hours) for r in report.by_supplier] == [
        ("Bricks Again", Decimal("1350.00"), 2, Decimal("60.0"), 23),
        ("Renovators France", Decimal("500.00"), 1, Decimal("75.0"), 11),
        ("Lorraine Caterers", Decimal("200.00"), 1, None, None),
    ]


def test_a_period_without_orders_reports_zero(spend):
    start = timezone.localdate() + timedelta(days=1)
    report = impact_report(buyer=spend.buyer, start=start, end=start)
    assert (report.total_spend, report.orders, report.vulnerable_share, report.estimated_hours) == (0, 0, None, 0)


def page_figures(client, buyer):
    html = client.get(reverse("impact:report", kwargs={"slug": buyer.slug})).content.decode()
    figures = dict(re.findall(r'data-figure="(\w+)">€?([\d.,\-]+)', html))
    return html, {name: value.replace(",", "") for name, value in figures.items()}  # "€2,050.00" reads 2050.00


def test_the_page_states_the_method_and_shows_the_figures(client, spend):
    client.force_login(spend.officer)
    html, figures = page_figures(client, spend.buyer)
    assert figures == {
        "total_spend": "2050.00",
        "awarded_spend": "350.00",
        "orders": "4",
        "supplier_count": "3",
        "local_spend": "1050.00",
        "local_share": "51.2",
        "vulnerable_share": "64.1",
        "estimated_hours": "34",
    }
    assert "How these figures are counted" in html and "spend ÷ 35" in html
    assert 'src="/static/vendor/chart.js/chart.umd.min.js"' in html and 'id="impact-charts"' in html


def test_the_downloads_hold_the_same_numbers_as_the_page(client, spend):
    client.force_login(spend.officer)
    _html, figures = page_figures(client, spend.buyer)
    start, end = this_year()
    url = lambda fmt: reverse("impact:export", kwargs={"slug": spend.buyer.slug, "fmt": fmt})  # noqa: E731
    period = {"start": start.isoformat(), "end": end.isoformat()}

    table = list(csv.reader(io.StringIO(client.get(url("csv"), period).content.decode("utf-8-sig"))))
    summary = {row[0]: row[1] for row in table[1:11]}
    assert summary["Spend with social enterprises (EUR excl. VAT)"] == figures["total_spend"]
    assert summary["Share of local spend (%)"] == figures["local_share"]
    assert summary["Workforce from vulnerable groups, weighted by spend (%)"] == figures["vulnerable_share"]
    assert summary["Estimated hours of work for people from vulnerable groups"] == figures["estimated_hours"]
    assert ["Construction", "1850.00", "90.2"] in table and [
        "Lorraine Caterers",
        "FR",
        "1",
        "200.00",
        "9.8",
        "",
        "",
        "",
        "",
    ] in table

    workbook = load_workbook(io.BytesIO(client.get(url("xlsx"), period).content))
    sheet = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=2, values_only=True)}
    assert Decimal(str(sheet["Spend with social enterprises (EUR excl. VAT)"])) == Decimal(figures["total_spend"])
    assert sheet["Estimated hours of work for people from vulnerable groups"] == int(figures["estimated_hours"])
    assert [tuple(r) for r in workbook["Spend by country"].iter_rows(min_row=2, values_only=True)] == [
        ("France", 1550, 75.6),
        ("Luxembourg", 500, 24.4),
    ]

    response = client.get(url("pdf"), period)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    for value in (
        figures["total_spend"],
        figures["local_share"],
        figures["vulnerable_share"],
        "1850.00",
        "Bricks Again",
    ):
        assert value in text


def test_a_period_upside_down_is_refused_clearly(client, spend):
    client.force_login(spend.officer)
    response = client.get(
        reverse("impact:report", kwargs={"slug": spend.buyer.slug}), {"start": "2026-12-31", "end": "2026-01-01"}
    )
    assert response.status_code == 400 and "swap the dates" in response.content.decode()
    response = client.get(reverse("impact:report", kwargs={"slug": spend.buyer.slug}), {"start": "not a date"})
    assert response.status_code == 400 and "Enter a valid date" in response.content.decode()


def test_impact_home_leads_a_buyer_to_its_report_and_refuses_others(client, spend, user):
    client.force_login(spend.officer)
    assert client.get(reverse("impact:home"))["Location"] == reverse("impact:report", kwargs={"slug": spend.buyer.slug})
    client.force_login(user)
    assert client.get(reverse("impact:home")).status_code == 403
