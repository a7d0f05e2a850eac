"""Who may download an invoice, list it and mark it paid."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.payments.models import Invoice
from tests.order.fixtures import accept

pytestmark = pytest.mark.django_db

SEES_IT = ["buyer_admin", "buyer_member", "crates_admin", "crates_member", "staff_user"]
DOES_NOT = ["other_buyer_member", "yard_admin", "user"]


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pdf_url(invoice):
    return reverse("payments:invoice-pdf", kwargs={"pk": invoice.pk})


def paid_url(invoice):
    return reverse("payments:invoice-mark-paid", kwargs={"pk": invoice.pk})


@pytest.mark.parametrize("who", SEES_IT)
def test_pdf_is_served_to_the_buyer_the_supplier_and_staff(request, who, crates_invoice, yard_invoice):
    response = client_of(request.getfixturevalue(who)).get(pdf_url(crates_invoice))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="invoice-{crates_invoice.number}.pdf"' in response["Content-Disposition"]


@pytest.mark.parametrize("who", DOES_NOT)
def test_pdf_is_not_found_for_anyone_else(request, who, crates_invoice, yard_invoice):
    # Reuse Yard sells in the same purchase, yet never sees Green Crates' invoice.
    response = client_of(request.getfixturevalue(who)).get(pdf_url(crates_invoice))
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_pdf_asks_visitors_to_sign_in(client, crates_invoice):
    response = client.get(pdf_url(crates_invoice))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["crates_member", "staff_user"])
def test_the_supplier_or_staff_mark_an_invoice_paid(request, who, crates_invoice):
    person = request.getfixturevalue(who)
    response = client_of(person).post(paid_url(crates_invoice), follow=True)
    crates_invoice.refresh_from_db()
    assert crates_invoice.status == Invoice.Status.PAID
    assert crates_invoice.marked_paid_by == person
    assert f"Invoice {crates_invoice.number} is marked paid." in response.content.decode()


def test_marking_paid_again_says_so_and_changes_nothing(crates_invoice, crates_admin, crates_member):
    client_of(crates_admin).post(paid_url(crates_invoice))
    response = client_of(crates_member).post(paid_url(crates_invoice), follow=True)
    crates_invoice.refresh_from_db()
    assert crates_invoice.marked_paid_by == crates_admin
    assert "was already marked paid" in response.content.decode()


@pytest.mark.parametrize(("who", "status"), [("yard_admin", 404), ("other_buyer_member", 404), ("buyer_admin", 403)])
def test_nobody_else_marks_an_invoice_paid(request, who, status, crates_invoice, yard_invoice):
    response = client_of(request.getfixturevalue(who)).post(paid_url(crates_invoice))
    assert response.status_code == status
    crates_invoice.refresh_from_db()
    assert crates_invoice.status == Invoice.Status.OPEN and crates_invoice.paid_on is None


def test_marking_paid_needs_a_signed_in_post_with_csrf(client, crates_invoice, crates_admin):
    assert client.post(paid_url(crates_invoice))["Location"].startswith(reverse("accounts:login"))
    signed_in = client_of(crates_admin)
    assert signed_in.get(paid_url(crates_invoice)).status_code == 405
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(crates_admin)
    assert forged.post(paid_url(crates_invoice)).status_code == 403
    crates_invoice.refresh_from_db()
    assert crates_invoice.status == Invoice.Status.OPEN


def test_supplier_lists_its_own_invoices_with_the_mark_paid_button(crates_admin, crates_invoice, yard_invoice):
    Invoice.objects.filter(pk=crates_invoice.pk).update(due_on=datetime.date.today() - datetime.timedelta(days=1))
    page = client_of(crates_admin).get(reverse("payments:invoice-list")).content.decode()
    assert crates_invoice.number in page and yard_invoice.number not in page
    assert "Acme Procurement" in page  # the buyer
    assert crates_invoice.order.number in page
    assert "€39.10" in page
    assert "Overdue" in page
    assert paid_url(crates_invoice) in page and pdf_url(crates_invoice) in page


def test_buyer_lists_its_invoices_without_marking_them_paid(buyer_member, crates_invoice, yard_invoice):
    page = client_of(buyer_member).get(reverse("payments:invoice-list")).content.decode()
    assert crates_invoice.number in page and yard_invoice.number in page
    assert pdf_url(crates_invoice) in page
    assert "Mark paid" not in page


def test_staff_list_every_invoice(staff_user, crates_invoice, yard_invoice):
    page = client_of(staff_user).get(reverse("payments:invoice-list")).content.decode()
    assert paid_url(crates_invoice) in page and paid_url(yard_invoice) in page


def test_outsiders_list_no_invoice(user, other_buyer_member, crates_invoice):
    for person in (user, other_buyer_member):
        page = client_of(person).get(reverse("payments:invoice-list")).content.decode()
        assert crates_invoice.number not in page
        assert "No invoices yet" in page


def test_a_paid_invoice_has_no_button_and_shows_its_date(crates_admin, crates_invoice):
    client = client_of(crates_admin)
    client.post(paid_url(crates_invoice))
    crates_invoice.refresh_from_db()
    page = client.get(reverse("payments:invoice-list")).content.decode()
    assert paid_url(crates_invoice) not in page
    assert f"{crates_invoice.paid_on:%d/%m/%Y}" in page


def test_the_list_costs_the_same_for_one_invoice_or_more(staff_user, shared_purchase, yard, crates_invoice):
    client = client_of(staff_user)
    client.get(reverse("payments:invoice-list"))  # the session, once
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("payments:invoice-list"))
    accept(shared_purchase, yard)
    with CaptureQueriesContext(connection) as two:
        response = client.get(reverse("payments:invoice-list"))
    assert response.content.decode().count("Mark paid<") == 2
    assert len(two) == len(one)


def test_operators_look_up_invoices_in_the_admin_but_cannot_change_or_delete_them(client, crates_invoice):
    from marketplace.accounts.services import operator_make
    from tests.factories import UserFactory

    operator = UserFactory(email="olga@responsible.example", staff=True)
    operator_make(user=operator)
    client.force_login(operator)
    listing = client.get(reverse("admin:payments_invoice_changelist"), {"q": crates_invoice.number})
    assert listing.status_code == 200 and crates_invoice.number in listing.content.decode()
    change_url = reverse("admin:payments_invoice_change", args=[crates_invoice.pk])
    assert client.get(change_url).status_code == 200
    client.post(change_url, {"number": "EDITED"})
    crates_invoice.refresh_from_db()
    assert crates_invoice.number != "EDITED"
    assert client.get(reverse("admin:payments_invoice_delete", args=[crates_invoice.pk])).status_code == 403
    assert client.get(reverse("admin:payments_invoice_add")).status_code == 403
