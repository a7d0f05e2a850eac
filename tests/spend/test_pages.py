"""The buyer's declared-spend pages: upload (bad files give a message, never a 500),
review, invitations, deletion, the template; members of the buyer only."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from marketplace.spend.models import MatchStatus, SpendImport, SupplierInvitation
from marketplace.spend.services import spend_import
from marketplace.spend.views import prefix
from tests import isolation
from tests.factories import BuyerFactory, UserFactory
from tests.spend.conftest import spend_csv

pytestmark = pytest.mark.django_db


def upload(client, buyer, name, content):
    return client.post(
        reverse("spend:imports", kwargs={"slug": buyer.slug}), {"file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("spend.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("spend.csv", b"", "The submitted file is empty."),
        ("spend.csv", b"a" * (2 * 1024 * 1024 + 1), "The file is larger than 2 MB."),
        ("spend.xlsx", b"not a workbook", "The file is not a valid .xlsx workbook."),
        ("spend.csv", "Fournisseur;Montant\n".encode("latin-1"), "it lacks: Invoice date."),
        ("spend.csv", b"Supplier name;Amount;Date\n;;\n\n", "The file has a header but no spend rows."),
        ("spend.csv", "Fournisseur;Montant;Date\nCafé;1;2025-01-01\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_bad_file_gets_a_message_and_nothing_is_imported(client, buyer, buyer_admin, name, content, message):
    client.force_login(buyer_admin)
    response = upload(client, buyer, name, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not SpendImport.objects.exists()


def test_messages_are_in_the_readers_language(client, buyer, buyer_admin):
    client.force_login(buyer_admin)
    response = client.post(
        "/fr" + reverse("spend:imports", kwargs={"slug": buyer.slug}),
        {"file": SimpleUploadedFile("spend.csv", b"Lieferant;Betrag\n")},
    )
    assert "il manque : Date de la facture" in response.content.decode()


def test_upload_review_invite_and_delete(client, suppliers, buyer, buyer_admin, django_capture_on_commit_callbacks):
    client.force_login(buyer_admin)
    response = upload(client, buyer, "spend.csv", spend_csv())
    spend = SpendImport.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "spend:import", kwargs={"slug": buyer.slug, "pk": spend.pk}
    )
    # The same file again: refused, counted once.
    again = upload(client, buyer, "spend-copy.csv", spend_csv())
    assert "This file was already imported" in again.content.decode() and SpendImport.objects.count() == 1

    page = client.get(response.url).content.decode()
    assert "Repair Cafe" in page and "The amount is not a number" in page and "Centre de coût" in page
    assert "Is it Lorraine Caterers (names 82 % alike)?" in page
    url = response.url
    # Confirm the suggestion for "Lorraine Catering"; pick the French Repair Café for "Repair Cafe".
    p = prefix("d", "lorraine catering")
    client.post(url, {f"{p}-action": "decide", f"{p}-name_key": "lorraine catering", f"{p}-decision": "confirm"})
    p = prefix("d", "repair cafe")
    bad = client.post(url, {f"{p}-action": "decide", f"{p}-name_key": "repair cafe", f"{p}-decision": "pick"})
    assert bad.status_code == 400 and "Choose the supplier." in bad.content.decode()
    client.post(
        url,
        {f"{p}-action": "decide", f"{p}-name_key": "repair cafe", f"{p}-decision": "pick",
         f"{p}-supplier": suppliers.cafe_fr.pk},
    )  # fmt: skip
    lines = spend.lines.filter(name_key__in=["lorraine catering", "repair cafe"])
    assert {(line.supplier_name, line.status, line.supplier) for line in lines} == {
        ("Lorraine Catering", MatchStatus.MATCHED, suppliers.caterers),
        ("Repair Cafe", MatchStatus.MATCHED, suppliers.cafe_fr),
    }
    listing = client.get(reverse("spend:imports", kwargs={"slug": buyer.slug})).content.decode()
    for count, figure in (("matched", 9), ("to_review", 0), ("unmatched", 2), ("errors", 5)):
        assert f'data-count="{count}">{figure}<' in listing, count

    # Invite "Totally Unknown Ltd" in German, once.
    p = prefix("i", "totally unknown")
    invite = {f"{p}-action": "invite", f"{p}-name_key": "totally unknown", f"{p}-email": "hello@unknown.example",
              f"{p}-language": "de"}  # fmt: skip
    wrong = client.post(url, {**invite, f"{p}-email": "not an address"})
    assert wrong.status_code == 400 and "not an address" in wrong.content.decode()  # what was typed stays
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, invite)
        client.post(url, invite)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hello@unknown.example"]
    assert "/de/join/social-enterprise/" in mail.outbox[0].body and buyer.name in mail.outbox[0].subject
    assert SupplierInvitation.objects.get().language == "de"
    assert "Invited on" in client.get(url).content.decode()

    client.post(reverse("spend:import-delete", kwargs={"slug": buyer.slug, "pk": spend.pk}))
    assert not SpendImport.objects.exists() and not spend.lines.exists()


def test_the_template_has_the_columns_in_the_readers_language_and_imports_as_it_is(client, buyer, buyer_admin):
    client.force_login(buyer_admin)
    response = client.get("/fr" + reverse("spend:template", kwargs={"slug": buyer.slug, "fmt": "xlsx"}))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Nom du fournisseur", "N° de TVA du fournisseur", "Montant HT", "Date de la facture"]
    content = client.get(reverse("spend:template", kwargs={"slug": buyer.slug, "fmt": "csv"})).content
    spend = spend_import(buyer=buyer, by=buyer_admin, filename="template.csv", content=content)
    assert spend.lines.count() == 2 and spend.errors == []


def test_nobody_but_the_buyers_members_opens_its_spend(client, suppliers, buyer, buyer_admin, staff_user):
    spend = spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    other = UserFactory(email="olga@other-firm.example")
    BuyerFactory(name="Other Firm", created_by=other)
    supplier_admin = suppliers.vert.memberships.get().user
    kwargs = {"slug": buyer.slug}
    urls = [
        reverse("spend:imports", kwargs=kwargs),
        reverse("spend:template", kwargs={**kwargs, "fmt": "csv"}),
        reverse("spend:import", kwargs={**kwargs, "pk": spend.pk}),
        reverse("spend:import-delete", kwargs={**kwargs, "pk": spend.pk}),
    ]
    before = isolation.database_state(["spend"])
    for user in (other, supplier_admin, staff_user):
        client.force_login(user)
        for url in urls:
            for response in (client.get(url), client.post(url, {"file": SimpleUploadedFile("x.csv", spend_csv())})):
                assert response.status_code in (404, 405), (user, url)
                assert "Totally Unknown" not in response.content.decode()
    assert isolation.database_state(["spend"]) == before
    client.logout()
    assert client.get(urls[0]).status_code == 302


def test_the_list_of_imports_keeps_to_a_query_budget(
    client, suppliers, buyer, buyer_admin, django_assert_max_num_queries
):
    for index in range(4):
        content = f"Supplier name;Amount;Date\nAtelier Vert;{index + 1};2025-01-01\n".encode()
        spend_import(buyer=buyer, by=buyer_admin, filename=f"{index}.csv", content=content)
    client.force_login(buyer_admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("spend:imports", kwargs={"slug": buyer.slug})).status_code == 200


def test_operators_read_imports_in_the_django_admin(client, suppliers, buyer, buyer_admin, superuser):
    spend = spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    client.force_login(superuser)
    assert "spend.csv" in client.get(reverse("admin:spend_spendimport_changelist")).content.decode()
    page = client.get(reverse("admin:spend_spendimport_change", args=[spend.pk])).content.decode()
    assert "Totally Unknown Ltd" in page
