"""The network dashboard: its figures equal a hand-computed oracle, only the network's team
sees them, only coordinators choose what the public page shows, and the downloads hold
the same numbers without running formulas."""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from marketplace.networks.dashboard.selectors import Period, last_twelve_months, network_figures
from marketplace.networks.models import HeadlineFigure, PublishedFigure
from marketplace.organisations.models import Supplier

# One full-time job costs 10 EUR × 100 hours = 1,000 EUR a year: the jobs read easily.
readable_jobs = override_settings(IMPACT_SPEND_PER_HOUR=Decimal("10"), IMPACT_HOURS_PER_JOB_YEAR=Decimal("100"))


def dashboard(network):
    return reverse("network_dashboard:dashboard", kwargs={"slug": network.slug})


def export(network, fmt):
    return reverse("network_dashboard:export", kwargs={"slug": network.slug, "fmt": fmt})


def rows(breakdown):
    return [(row.label, row.spend, row.share) for row in breakdown]


def test_the_last_12_months_are_this_month_and_the_eleven_before():
    assert last_twelve_months(datetime.date(2026, 6, 30)) == Period(
        datetime.date(2025, 7, 1), datetime.date(2026, 6, 30)
    )
    assert last_twelve_months(datetime.date(2026, 12, 4)).start == datetime.date(2026, 1, 1)


@readable_jobs
def test_the_figures_equal_the_hand_computed_oracle(clusters):
    m = clusters
    figures = network_figures(network=m.a, period=last_twelve_months(datetime.date(2026, 6, 30)))
    assert (figures.members, figures.verified, figures.verified_share, figures.charter_signatories) == (
        3, 2, Decimal("66.7"), 2,
    )  # fmt: skip
    # (month, members at its end, joined, charter signatures)
    assert [(r.month.strftime("%Y-%m"), r.members, r.joined, r.charter_signatures) for r in figures.months] == [
        ("2025-07", 1, 0, 0), ("2025-08", 1, 0, 0), ("2025-09", 2, 1, 0), ("2025-10", 2, 0, 1),
        ("2025-11", 2, 0, 0), ("2025-12", 2, 0, 0), ("2026-01", 2, 0, 0), ("2026-02", 2, 0, 1),
        ("2026-03", 3, 1, 0), ("2026-04", 3, 0, 0), ("2026-05", 3, 0, 0), ("2026-06", 3, 0, 0),
    ]  # fmt: skip
    # 1,000 (Bricks) + 500 + 350 awarded (Caterers) + 5,000 (Newbie) = 6,850
    assert (figures.total_spend, figures.awarded_spend, figures.parts, figures.buyers) == (
        Decimal("6850.00"), Decimal("350.00"), 4, 2,
    )  # fmt: skip
    assert rows(figures.by_sector) == [
        ("Construction", Decimal("6000.00"), Decimal("87.6")),
        ("Food", Decimal("850.00"), Decimal("12.4")),
    ]
    assert rows(figures.by_supplier_country) == [
        ("Luxembourg", Decimal("5850.00"), Decimal("85.4")),
        ("France", Decimal("1000.00"), Decimal("14.6")),
    ]
    assert rows(figures.by_buyer_country) == [
        ("Luxembourg", Decimal("5500.00"), Decimal("80.3")),
        ("France", Decimal("1350.00"), Decimal("19.7")),
    ]
    assert rows(figures.by_buyer_size) == [
        ("Size not given", Decimal("5500.00"), Decimal("80.3")),
        ("Large (250 staff or more)", Decimal("1350.00"), Decimal("19.7")),
    ]
    # Jobs over one year at 1,000 EUR a job: Newbie 5,000/1,000 × 1/2 = 2.5, at most its 1 vulnerable
    # employee; Bricks 1,000/1,000 × 6/10 = 0.6; Caterers 850/1,000 × 5/20 = 0.2125. Sum 1.8125.
    assert [(r.label, r.parts, r.spend, r.jobs) for r in figures.by_member] == [
        ("Newbie Reuse", 1, Decimal("5000.00"), Decimal("1.0")),
        ("Bricks Again", 1, Decimal("1000.00"), Decimal("0.6")),
        ("Lux Caterers", 2, Decimal("850.00"), Decimal("0.2")),
    ]
    assert figures.jobs_supported == Decimal("1.8")
    needs = figures.needs
    assert (needs.published, needs.member_invited, needs.member_quoted, needs.awarded_to_member) == (3, 3, 1, 1)
    assert needs.by_sector == [("Construction", 2), ("Food", 1)]
    # Answers after 10 and 48 hours, one not yet: median 29 hours = 1.2 days.
    answers = figures.answers
    assert (answers.invitations, answers.answered, answers.answer_rate) == (3, 2, Decimal("66.7"))
    assert answers.median == datetime.timedelta(hours=29) and answers.median_days == Decimal("1.2")


def test_the_other_network_counts_only_its_own(clusters):
    figures = network_figures(network=clusters.b, period=last_twelve_months(datetime.date(2026, 6, 30)))
    assert (figures.members, figures.total_spend, figures.needs.published, figures.answers.invitations) == (
        1, Decimal("800.00"), 1, 1,
    )  # fmt: skip


def test_a_year_counts_that_calendar_year(client, clusters):
    client.force_login(clusters.coordinator)
    html = client.get(dashboard(clusters.a), {"year": "2025"}).content.decode()
    assert re.search(r'data-figure="total_spend">€?500\.00', html)  # only the August order falls in 2025


def page_figures(html):
    return {name: value.replace(",", "") for name, value in re.findall(r'data-figure="(\w+)">€?([\d.,\-]+)', html)}


@readable_jobs
def test_the_page_shows_the_figures_and_says_how_they_are_counted(client, clusters, django_assert_max_num_queries):
    client.force_login(clusters.funder)
    with django_assert_max_num_queries(23):
        response = client.get(dashboard(clusters.a))
    html = response.content.decode()
    assert page_figures(html) == {
        "members": "3",
        "verified": "2",
        "verified_share": "66.7",
        "charter_signatories": "2",
        "total_spend": "6850.00",
        "awarded_spend": "350.00",
        "parts": "4",
        "buyers": "2",
        "jobs_supported": "1.8",
        "needs": "3",
        "needs_member_invited": "3",
        "needs_member_quoted": "1",
        "needs_awarded": "1",
        "invitations": "3",
        "answered": "2",
        "answer_rate": "66.7",
        "median_days": "1.2",
    }
    assert "credit note" in html and "Jobs supported = for each member" in html
    assert 'id="impact-charts"' in html and 'id="chart-members"' in html and "<caption" in html


def test_the_page_speaks_the_readers_language(client, clusters):
    client.force_login(clusters.coordinator)
    html = client.get("/fr" + dashboard(clusters.a)).content.decode()
    assert "6\u202f850,00\xa0€" in html or "6 850,00 €" in html or "6850,00" in html
    assert "66,7" in html and "juillet 2025" in html.lower()


def test_a_bad_period_is_refused_clearly(client, clusters):
    client.force_login(clusters.coordinator)
    response = client.get(dashboard(clusters.a), {"start": "2026-05-01", "end": "2026-01-01"})
    assert response.status_code == 400 and "swap the dates" in response.content.decode()
    response = client.get(dashboard(clusters.a), {"year": "1900"})
    assert response.status_code == 400


def test_only_the_networks_team_sees_its_dashboard(client, clusters, user):
    a, b = clusters.a, clusters.b
    assert client.get(dashboard(a))["Location"].startswith(reverse("accounts:login"))
    client.force_login(user)
    assert client.get(dashboard(a)).status_code == 404
    client.force_login(clusters.coordinator)
    assert client.get(dashboard(a)).status_code == 200
    for url in (dashboard(b), export(b, "csv"), export(b, "xlsx"), export(b, "pdf")):
        assert client.get(url).status_code == 404
    published = reverse("network_dashboard:published-figures", kwargs={"slug": b.slug})
    assert client.post(published, {"figures": ["members"]}).status_code == 404
    assert not PublishedFigure.objects.exists()


def test_coordinators_choose_the_public_figures_and_partners_cannot(client, clusters):
    a = clusters.a
    url = reverse("network_dashboard:published-figures", kwargs={"slug": a.slug})
    client.force_login(clusters.funder)
    assert client.post(url, {"figures": ["members"]}).status_code == 403
    assert not PublishedFigure.objects.exists()
    html = client.get(dashboard(a)).content.decode()
    assert "The network's coordinators choose which figures" in html and 'name="figures"' not in html

    client.force_login(clusters.coordinator)
    response = client.post(url, {"figures": ["members", "spend", "answer_time"]}, follow=True)
    assert "now shows the figures you chose" in response.content.decode()
    assert set(PublishedFigure.objects.values_list("figure", flat=True)) == {"members", "spend", "answer_time"}
    public = client.get(a.get_absolute_url()).content.decode()
    shown = dict(re.findall(r'data-figure="(\w+)">([^<]+)<', public))
    assert shown == {"members": "3", "spend": "€6,850.00", "answer_time": "1.2 days"}
    client.post(url, {"figures": ["members"]})
    assert list(PublishedFigure.objects.values_list("figure", flat=True)) == [HeadlineFigure.MEMBERS]
    assert client.post(url, {"figures": ["salaries"]}, follow=True).status_code == 200
    assert list(PublishedFigure.objects.values_list("figure", flat=True)) == [HeadlineFigure.MEMBERS]


def test_a_network_that_publishes_nothing_shows_no_figures(client, clusters):
    assert 'data-figure="' not in client.get(clusters.a.get_absolute_url()).content.decode()


@readable_jobs
def test_the_downloads_hold_the_page_figures_and_run_no_formulas(client, clusters):
    Supplier.objects.filter(pk=clusters.bricks.pk).update(name='=HYPERLINK("http://evil.example")')
    client.force_login(clusters.funder)

    table = list(csv.reader(io.StringIO(client.get(export(clusters.a, "csv")).content.decode("utf-8-sig"))))
    summary = {row[0]: row[1] for row in table[2:19]}
    assert summary["Spend with members (EUR excl. VAT)"] == "6850.00"
    assert summary["Jobs supported (full-time, people from vulnerable groups)"] == "1.8"
    assert summary["Median answer time (days)"] == "1.2"
    assert ['\'=HYPERLINK("http://evil.example")', "FR", "1", "1000.00", "14.6", "10", "6", "0.6"] in table
    assert ["July 2025", "1", "0", "0"] in table

    workbook = load_workbook(io.BytesIO(client.get(export(clusters.a, "xlsx")).content))
    members = list(workbook["Spend by member"].iter_rows(min_row=2, values_only=True))
    assert members[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)
    assert [tuple(r) for r in workbook["Spend by country of the buyer"].iter_rows(min_row=2, values_only=True)] == [
        ("Luxembourg", 5500, 80.3),
        ("France", 1350, 19.7),
    ]

    response = client.get(export(clusters.a, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    for value in ("Figures of Cluster A", "6850.00", "1.8", "Lux Caterers", "credit note"):
        assert value in text
