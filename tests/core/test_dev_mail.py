"""In development, e-mails go to files and a page lists them (`make run` prints its
address) instead of flooding the terminal; without DEBUG that page does not exist."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.mail import EmailMultiAlternatives, send_mail
from pytest_django.asserts import assertContains

from tests.test_settings import clean_env, run

pytestmark = pytest.mark.django_db
MAIL = "/dev/mail/"


@pytest.fixture
def development(settings, tmp_path):
    """E-mails as the development settings deliver them, into a scratch folder."""
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "marketplace.core.mail.RecordingBackend"
    settings.EMAIL_DELIVERY_BACKEND = "marketplace.core.mail.MailFolderBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    return settings


def test_development_settings_write_e_mails_to_files_and_link_to_the_port_served_on():
    script = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_DELIVERY_BACKEND, s.EMAIL_FILE_PATH, s.SITE_URL, s.SITE_URL_FROM_REQUEST)"
    )
    result = run(["-c", script], clean_env(DJANGO_SETTINGS_MODULE="marketplace.settings.dev", PORT="8123"))
    assert result.returncode == 0, result.stderr
    backend, folder, site_url, from_request = result.stdout.split()
    assert backend == "marketplace.core.mail.MailFolderBackend" and folder.endswith("/tmp/mail")
    assert (site_url, from_request) == ("http://127.0.0.1:8123", "True")


def test_the_mail_page_lists_sent_e_mails_newest_first_and_shows_one_as_escaped_text(development, client):
    send_mail(
        "Purchase 100001 placed", "Your purchase: http://127.0.0.1:8000/shop/purchases/100001/", None, ["a@x.org"]
    )
    message = EmailMultiAlternatives(
        "New order 100001-1", "Made by <script>alert(1)</script> & co", None, ["supplier@example.com"]
    )
    message.attach_alternative("<p>Made by us</p>", "text/html")
    message.attach("invoice-100001-1.pdf", b"%PDF-1.4", "application/pdf")
    message.send()

    rows = BeautifulSoup(client.get(MAIL).content, "html.parser").select("tbody tr")
    assert [row.find_all("td")[1].get_text() for row in rows] == ["supplier@example.com", "a@x.org"]
    assert [row.a.get_text() for row in rows] == ["New order 100001-1", "Purchase 100001 placed"]

    detail = client.get(rows[0].a["href"])
    assertContains(detail, "Made by &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
    assertContains(detail, "invoice-100001-1.pdf")
    assert "<script>alert(1)" not in detail.content.decode()


def test_the_mail_page_does_not_exist_without_debug(development, client):
    send_mail("Purchase 100001 placed", "Your purchase", None, ["a@x.org"])
    (name,) = [path.name for path in Path(development.EMAIL_FILE_PATH).iterdir()]
    development.DEBUG = False

    assert client.get(MAIL).status_code == 404
    assert client.get(f"{MAIL}{name}/").status_code == 404


def test_the_mail_page_opens_only_the_e_mails_it_wrote(development, client):
    send_mail("Purchase 100001 placed", "Your purchase", None, ["a@x.org"])
    for name in ("nothing-here.eml", "..", "settings.py", "%2e%2e"):
        assert client.get(f"{MAIL}{name}/").status_code == 404, name
