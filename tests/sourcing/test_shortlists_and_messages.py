"""Shortlists shared within the buyer organisation, their exports and the directory's,
and conversations that keep e-mail addresses hidden until their owner shares them."""

import csv
import io

from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from marketplace.sourcing import shortlists
from marketplace.sourcing.models import Shortlist, Thread
from tests.factories import MembershipFactory, UserFactory
from tests.sourcing.conftest import admin_of

HEADER = ["Name", "Legal form", "Country", "Region", "Town", "Sectors", "Area served", "Impact areas", "Employees"]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


def test_a_buyer_shortlists_from_the_profile_and_colleagues_share_it(client, market):
    client.force_login(market.officer)
    profile = client.get(market.bricks.get_absolute_url()).content.decode()
    assert "Add to the shortlist" in profile and "Contact this supplier" in profile
    client.post(reverse("sourcing:shortlist-add"), {"supplier": market.bricks.pk, "name": "Canteen works"})
    shortlist = Shortlist.objects.get(buyer=market.buyer, name="Canteen works")
    client.post(reverse("sourcing:shortlist-add"), {"supplier": market.renovators.pk, "shortlist": shortlist.pk})
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=market.buyer)
    client.force_login(colleague)
    page = client.get(shortlist.get_absolute_url()).content.decode()
    assert "Bricks Again" in page and "Renovators France" in page
    client.post(reverse("sourcing:shortlist-remove", kwargs={"pk": shortlist.pk, "supplier_pk": market.bricks.pk}))
    assert list(shortlist.suppliers.values_list("name", flat=True)) == ["Renovators France"]


def test_a_supplier_member_gets_no_shortlist_button(client, market):
    client.force_login(admin_of(market.caterers))
    assert "Add to the shortlist" not in client.get(market.bricks.get_absolute_url()).content.decode()


def test_a_shortlist_name_is_unique_within_the_organisation(client, market):
    client.force_login(market.officer)
    client.post(reverse("sourcing:shortlist-list"), {"name": "Cleaning"})
    response = client.post(reverse("sourcing:shortlist-list"), {"name": "cleaning"}, follow=True)
    assert "already has a shortlist called" in response.content.decode()
    assert Shortlist.objects.count() == 1


def test_a_shortlist_exports_to_csv_and_xlsx_with_the_same_cells(client, market):
    shortlist = shortlists.shortlist_create(buyer=market.buyer, name="Works", by=market.officer)
    for supplier in (market.renovators, market.bricks):
        shortlists.shortlist_add(shortlist=shortlist, supplier=supplier, by=market.officer)
    client.force_login(market.officer)
    as_csv = client.get(reverse("sourcing:shortlist-export", kwargs={"pk": shortlist.pk, "fmt": "csv"}))
    as_xlsx = client.get(reverse("sourcing:shortlist-export", kwargs={"pk": shortlist.pk, "fmt": "xlsx"}))
    assert as_csv["Content-Disposition"] == 'attachment; filename="shortlist-works.csv"'
    rows, sheet = csv_rows(as_csv), xlsx_rows(as_xlsx)
    assert rows[0][: len(HEADER)] == HEADER and sheet[0] == rows[0]
    assert [row[0] for row in rows[1:]] == ["Bricks Again", "Renovators France"]
    assert rows[1][6] == "Lorraine (FR)" and rows[2][6] == "all of France"
    assert [[str(cell) for cell in row] for row in sheet[1:]] == rows[1:]


def test_directory_results_export_with_the_same_filters(client, market, reindex):
    reindex()
    client.force_login(market.officer)
    response = client.get(reverse("sourcing:search-export", kwargs={"fmt": "csv"}), {"sector": market.reuse.slug})
    assert [row[0] for row in csv_rows(response)[1:]] == ["Alsace Reuse", "Bricks Again"]
    bad = client.get(reverse("sourcing:search-export", kwargs={"fmt": "csv"}), {"sort": "bogus"})
    assert bad.status_code == 400 and "Unknown sort order" in bad.content.decode()


def test_spreadsheet_formulas_typed_by_people_are_not_run(client, market):
    market.bricks.name = "=HYPERLINK(evil)"
    market.bricks.save()
    shortlist = shortlists.shortlist_create(buyer=market.buyer, name="Works", by=market.officer)
    shortlists.shortlist_add(shortlist=shortlist, supplier=market.bricks, by=market.officer)
    client.force_login(market.officer)
    response = client.get(reverse("sourcing:shortlist-export", kwargs={"pk": shortlist.pk, "fmt": "xlsx"}))
    assert xlsx_rows(response)[1][0] == "'=HYPERLINK(evil)"


def test_contacting_a_supplier_hides_email_addresses_until_shared(client, market, django_capture_on_commit_callbacks):
    client.force_login(market.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("sourcing:contact", kwargs={"slug": market.bricks.slug}),
            {"buyer": market.buyer.pk, "subject": "Bricks for 2027", "body": "Can you deliver 5,000 bricks?"},
            follow=True,
        )
    thread = Thread.objects.get()
    notice = mail.outbox[-1]
    assert notice.to == ["admin@bricks-again.example"] and "Can you deliver 5,000 bricks?" in notice.body
    assert market.officer.email not in notice.body and not notice.reply_to
    assert market.officer.email not in response.content.decode()
    supplier_admin = admin_of(market.bricks)
    client.force_login(supplier_admin)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Can you deliver 5,000 bricks?" in page and market.officer.email not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread.get_absolute_url(), {"body": "Yes. Write to me directly.", "share_email": "on"})
    reply = mail.outbox[-1]
    assert reply.to == [market.officer.email] and reply.reply_to == [supplier_admin.email]
    client.force_login(market.officer)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert supplier_admin.email in page and market.officer.email not in page
    assert "Bricks for 2027" in client.get(reverse("sourcing:thread-list")).content.decode()


def test_only_buyer_members_contact_suppliers(client, market):
    client.force_login(admin_of(market.caterers))
    assert client.get(reverse("sourcing:contact", kwargs={"slug": market.bricks.slug})).status_code == 403
    client.force_login(market.officer)
    assert client.get(reverse("sourcing:contact", kwargs={"slug": market.unverified.slug})).status_code == 404
