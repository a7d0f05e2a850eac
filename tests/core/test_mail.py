"""An e-mail that cannot be sent never stops what a person was doing, and operators
see it: the mail server down while a purchase is placed, a name with a line break
(stored before names were checked) in a subject."""

import socket

import pytest
from django.core import mail

from marketplace.accounts.services import operator_make
from marketplace.core.models import EmailFailure
from marketplace.order.models import Purchase
from marketplace.organisations.models import Supplier
from tests.factories import operator
from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording(settings):
    """The production e-mail path: the recording backend in front of the real one."""
    settings.EMAIL_BACKEND = "marketplace.core.mail.RecordingBackend"
    return settings


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens once the probe is closed


def test_a_purchase_is_placed_when_the_mail_server_is_down_and_operators_see_what_was_not_sent(
    request, recording, django_capture_on_commit_callbacks, client, buyer_admin, crates_admin
):
    recording.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    recording.EMAIL_HOST, recording.EMAIL_PORT, recording.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2

    with django_capture_on_commit_callbacks(execute=True):
        purchase = request.getfixturevalue("shared_purchase")

    assert Purchase.objects.filter(pk=purchase.pk).exists()
    failures = EmailFailure.objects.all()
    assert {f.recipients for f in failures} >= {buyer_admin.email, crates_admin.email}
    assert all("ConnectionRefusedError" in f.error for f in failures)

    operator_make(user=operator())
    client.force_login(operator())
    page = client.get("/django-admin/core/emailfailure/").content.decode()
    assert f"Purchase {purchase.number} placed" in page and buyer_admin.email in page


def test_a_name_with_a_line_break_no_longer_breaks_the_e_mails_about_it(
    request, recording, django_capture_on_commit_callbacks, crates, crates_admin, buyer_admin
):
    # Stored before names were checked (a form refuses it now, see test_validators).
    Supplier.objects.filter(pk=crates.pk).update(name="Crates\r\nBcc: someone@attacker.example")

    with django_capture_on_commit_callbacks(execute=True):
        request.getfixturevalue("shared_purchase")

    assert EmailFailure.objects.count() == 0
    to_buyer = [m for m in mail.outbox if m.to == [buyer_admin.email]]
    assert to_buyer and all("\n" not in m.subject and "\r" not in m.subject for m in mail.outbox)
    assert all(m.bcc == [] for m in mail.outbox)
