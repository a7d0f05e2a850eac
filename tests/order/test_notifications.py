"""E-mails and account notifications: the buyer hears of every step, each supplier of
its own part only, and every e-mail to a person is listed in their account."""

import io
import logging
import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from pypdf import PdfReader

from marketplace.order.models import PartStatus, Purchase
from marketplace.order.services import part_status_set, purchase_place
from marketplace.organisations.models import Membership, Role
from marketplace.organisations.services import membership_remove
from tests.factories import MembershipFactory, UserFactory, goods_for_supplier
from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)
from tests.order.fixtures import part_of
from tests.order.helpers import basket_with, checkout_details

Notification = get_model("communication", "Notification")

pytestmark = pytest.mark.django_db


class RefusesBrokenAddresses(EmailBackend):
    """The test mail server: it refuses any address at broken.example, as a real server may."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@broken.example") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


def mail_to(user_or_address):
    address = getattr(user_or_address, "email", user_or_address)
    return [message for message in mail.outbox if message.to == [address]]


def only_mail_to(user):
    messages = mail_to(user)
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]


def place_and_notify(request, django_capture_on_commit_callbacks):
    # Placing runs inside the test's transaction: run what waits for its commit.
    with django_capture_on_commit_callbacks(execute=True):
        return request.getfixturevalue("shared_purchase")


@pytest.fixture
def placed(request, django_capture_on_commit_callbacks):
    """The shared purchase, placed with its notifications sent."""
    return place_and_notify(request, django_capture_on_commit_callbacks)


def set_status(purchase, supplier, status, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return part_status_set(part=part_of(purchase, supplier), status=status)


def test_the_buyer_hears_of_placing_with_every_part_and_the_totals(placed, buyer_admin, buyer_member):
    message = only_mail_to(buyer_admin)
    assert placed.number in message.subject
    for expected in (
        "Green Crates",
        "Organic apples",
        "Crate hire",
        "Reuse Yard",
        "Reused bricks",
        "Net €35.00, VAT €4.10, gross €39.10",
        # Green Crates sells in France, where the buyer is billed: French VAT; Reuse Yard is in
        # Luxembourg: an exempt intra-Community supply (partner/vat_rules.py).
        "net €135.00, VAT €4.10, gross €139.10",
        "By invoice, due in 30 days",
        "PO-2026-17",
        f"{settings.SITE_URL}/shop/purchases/{placed.number}/",
    ):
        assert expected in message.body, expected
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Reused bricks" in html
    # Colleagues see the purchase in their account; their mailbox is spared.
    assert mail_to(buyer_member) == []


def test_each_supplier_hears_of_its_own_part_only(crates_member, placed, crates, crates_admin, yard_admin):
    part = part_of(placed, crates)
    crates_mail = only_mail_to(crates_admin)
    # Every member of the supplier hears (the member joined before the purchase); only the
    # footer, with each one's own unsubscribe link, differs.
    assert crates_mail.body.split("\n-- \n")[0] == only_mail_to(crates_member).body.split("\n-- \n")[0]
    for expected in (
        "Acme Procurement",
        "Organic apples",
        "Crate hire",
        "Net €35.00, VAT €4.10, gross €39.10",
        "2 rue du Port",
        "wished by 15/12/2026",
        "Note from the buyer: Ring at the back door",
        f"{settings.SITE_URL}/workspace/{part.supplier.slug}/orders/{part.number}/",
    ):
        assert expected in crates_mail.body, expected
    for foreign in ("Reused bricks", "Reuse Yard", "100.00", "gate 3", "139.10", "135.00"):
        assert foreign not in crates_mail.body, foreign
    yard_mail = only_mail_to(yard_admin)
    assert "Reused bricks" in yard_mail.body and "gate 3" in yard_mail.body
    for foreign in ("Organic apples", "Crate hire", "Green Crates", "back door", "39.10"):
        assert foreign not in yard_mail.body, foreign


def test_accepting_sends_the_buyer_the_invoice_pdf(
    placed, buyer, buyer_admin, crates, crates_admin, yard_admin, django_capture_on_commit_callbacks
):
    buyer.billing_email = "invoices@buying-firm.example"
    buyer.save()
    mail.outbox.clear()
    part = set_status(placed, crates, PartStatus.ACCEPTED, django_capture_on_commit_callbacks)

    message = only_mail_to(buyer_admin)
    assert "Green Crates" in message.subject and message.subject.endswith(": Confirmed")
    assert "from “Placed” to “Confirmed”" in message.body
    assert f"{settings.SITE_URL}/shop/purchases/{placed.number}/" in message.body
    assert (
        f"Invoice {part.invoice_or_none.number} is attached: €39.10 due on {part.invoice_or_none.due_on:%d/%m/%Y}"
        in message.body
    )
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == (f"invoice-{part.invoice_or_none.number}.pdf", "application/pdf")
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert "Organic apples" in text and "Reused bricks" not in text
    # Accounts payable gets the invoice too; suppliers are not mailed about their own step.
    assert only_mail_to("invoices@buying-firm.example").attachments[0][0] == filename
    assert mail_to(crates_admin) == [] and mail_to(yard_admin) == []


def test_cancelling_sends_the_buyer_the_credit_note_that_cancels_the_invoice(
    placed, buyer_admin, crates, django_capture_on_commit_callbacks
):
    set_status(placed, crates, PartStatus.ACCEPTED, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    part = set_status(placed, crates, PartStatus.CANCELLED, django_capture_on_commit_callbacks)
    message = only_mail_to(buyer_admin)
    credit_note, invoice = part.credit_note_or_none, part.invoice_or_none
    assert f"Credit note {credit_note.number}, attached, cancels invoice {invoice.number}." in message.body
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == (f"credit-note-{credit_note.number}.pdf", "application/pdf")
    assert f"Credit note {credit_note.number}" in PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_declining_tells_the_buyer_the_suppliers_reason(
    placed, buyer_admin, crates, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        part_status_set(part=part_of(placed, crates), status=PartStatus.REJECTED, reason="No apples left this season")
    message = only_mail_to(buyer_admin)
    assert message.subject.endswith("Green Crates: Declined")
    assert "from “Placed” to “Declined”" in message.body
    assert "Reason given by Green Crates: No apples left this season" in message.body


def test_a_step_without_a_reason_gives_none(placed, buyer_admin, crates, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    set_status(placed, crates, PartStatus.ACCEPTED, django_capture_on_commit_callbacks)
    set_status(placed, crates, PartStatus.SHIPPED, django_capture_on_commit_callbacks)
    shipped = mail_to(buyer_admin)[-1]
    assert shipped.subject.endswith(": Dispatched") and "from “Confirmed” to “Dispatched”" in shipped.body
    assert "Reason" not in shipped.body


def test_the_placing_mail_names_each_parts_status(placed, buyer_admin):
    body = only_mail_to(buyer_admin).body
    for part in placed.parts.all():
        assert f"{part.supplier.name}, order {part.number} (Placed)" in body


def test_when_the_buyer_left_the_administrators_hear_instead(
    shared_purchase, buyer, buyer_admin, crates, django_capture_on_commit_callbacks
):
    other_admin = UserFactory(email="ana@buying-firm.example")
    MembershipFactory(user=other_admin, organisation=buyer, role=Role.ADMIN)
    membership_remove(membership=Membership.objects.get(user=buyer_admin, organisation=buyer))
    set_status(shared_purchase, crates, PartStatus.ACCEPTED, django_capture_on_commit_callbacks)
    assert mail_to(buyer_admin) == []
    assert "Confirmed" in only_mail_to(other_admin).subject
    assert not Notification.objects.filter(recipient=buyer_admin).exists()


def test_every_mail_is_listed_in_the_account(placed, buyer_admin, crates_admin):
    stored = Notification.objects.get(recipient=buyer_admin)
    assert placed.number in stored.subject and "Reused bricks" in stored.body
    assert not Notification.objects.filter(recipient=crates_admin, body__contains="Reused bricks").exists()

    client = Client()
    client.force_login(buyer_admin)
    inbox = client.get("/shop/accounts/notifications/", follow=True)
    assert inbox.redirect_chain[-1][0] == reverse("customer:notifications-inbox")
    assert inbox.status_code == 200
    page = inbox.content.decode()
    assert f"Purchase {placed.number} placed" in page
    # The header's account menu shows the link with the unread count.
    assert reverse("customer:notifications-inbox") in page and '<span class="badge badge-pill badge-primary">1' in page

    detail = client.get(reverse("customer:notifications-detail", kwargs={"pk": stored.pk})).content.decode()
    assert "Organic apples" in detail
    assert f'href="{settings.SITE_URL}/shop/purchases/{placed.number}/"' in detail


def test_text_typed_by_people_is_escaped_in_the_account(
    buyer, buyer_admin, crates, crates_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purchase_place(
            basket=basket_with(buyer_admin, (goods_for_supplier(supplier=crates, title="Pears"), 1)),
            user=buyer_admin,
            buyer=buyer,
            details=checkout_details(supplier_notes={crates.pk: "<script>alert(1)</script>"}),
            payment_method=Purchase.PaymentMethod.INVOICE,
        )
    stored = Notification.objects.get(recipient=crates_admin)
    client = Client()
    client.force_login(crates_admin)
    page = client.get(reverse("customer:notifications-detail", kwargs={"pk": stored.pk})).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_one_refused_address_does_not_stop_the_others(
    request, settings, crates, crates_admin, yard_admin, buyer_admin, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusesBrokenAddresses"
    broken = UserFactory(email="gone@broken.example")
    MembershipFactory(user=broken, organisation=crates)
    with caplog.at_level(logging.ERROR, logger="marketplace.notifications.delivery"):
        place_and_notify(request, django_capture_on_commit_callbacks)
    assert len(mail_to(buyer_admin)) == len(mail_to(crates_admin)) == len(mail_to(yard_admin)) == 1
    assert mail_to(broken) == []
    assert f"Could not notify user {broken.pk}" in caplog.text
    # The account still lists what the mail could not deliver.
    assert Notification.objects.filter(recipient=broken).exists()
