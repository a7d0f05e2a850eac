"""Each person reads the e-mails of a purchase (and its attached invoice, and its account
notification) in their own language, not in that of whoever caused them."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from pypdf import PdfReader

from marketplace.order.models import PartStatus
from tests.languages import spaces_plain
from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)
from tests.order.fixtures import part_of
from tests.order.test_notifications import only_mail_to

Notification = get_model("communication", "Notification")

pytestmark = pytest.mark.django_db


def speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])


def test_colleagues_each_read_the_new_order_in_their_language(
    request, crates_admin, crates_member, buyer_admin, django_capture_on_commit_callbacks
):
    speaks(crates_admin, "fr")
    speaks(crates_member, "de")
    speaks(buyer_admin, "en")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        request.getfixturevalue("shared_purchase")  # placed by an English-speaking buyer

    french = spaces_plain(only_mail_to(crates_admin).body)
    german = spaces_plain(only_mail_to(crates_member).body)
    # The same order, each in their way of writing money and dates (Django's and Babel's locales).
    assert "35,00 €" in french and "15/12/2026" in french and "€35.00" not in french
    assert "35,00 €" in german and "15.12.2026" in german
    assert "€39.10" in only_mail_to(buyer_admin).body
    # Their account notifications too.
    assert "15.12.2026" in Notification.objects.get(recipient=crates_member).body


@pytest.fixture
def placed_fr(request, buyer, buyer_admin, django_capture_on_commit_callbacks):
    """The shared purchase, placed by a French-speaking buyer whose firm has an e-mail for invoices."""
    speaks(buyer_admin, "fr")
    buyer.billing_email = "invoices@buying-firm.example"
    buyer.save()
    with django_capture_on_commit_callbacks(execute=True):
        return request.getfixturevalue("shared_purchase")


def test_an_english_speaking_supplier_confirming_writes_to_the_french_buyer_in_french(
    client, placed_fr, crates, crates_member, buyer, buyer_admin, django_capture_on_commit_callbacks
):
    speaks(crates_member, "en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(crates_member)
    part = part_of(placed_fr, crates)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workspace:part-step", kwargs={"slug": crates.slug, "number": part.number}),
            {"status": PartStatus.ACCEPTED},
        )

    message = only_mail_to(buyer_admin)
    assert "39,10 €" in spaces_plain(message.body)
    invoice_text = PdfReader(io.BytesIO(message.attachments[0][1])).pages[0].extract_text()
    assert "39,10 €" in spaces_plain(invoice_text) and "€39.10" not in invoice_text
    # The buyer's accounts payable has no account: it reads the language of who placed the purchase.
    accounts_payable = only_mail_to(buyer.billing_email)
    assert "39,10 €" in spaces_plain(accounts_payable.body)
    assert "39,10 €" in spaces_plain(Notification.objects.filter(recipient=buyer_admin).latest("pk").body)


def test_a_downloaded_invoice_speaks_the_language_of_who_downloads_it(client, crates_invoice, buyer_admin):
    speaks(buyer_admin, "de")
    client.force_login(buyer_admin)  # no language cookie yet: the account's language counts
    response = client.get(reverse("payments:invoice-pdf", kwargs={"pk": crates_invoice.pk}), follow=True)
    text = spaces_plain(PdfReader(io.BytesIO(b"".join(response))).pages[0].extract_text())
    assert "39,10 €" in text and "€39.10" not in text
