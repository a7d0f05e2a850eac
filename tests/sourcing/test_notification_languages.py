"""The buyer's colleagues each read of a supplier's quote in their own language, whatever
language the supplier quoted in."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from tests.languages import MONEY_1080, spaces_plain
from tests.sourcing.conftest import admin_of, need_published
from tests.sourcing.test_quotes import quote_form_data

Notification = get_model("communication", "Notification")

pytestmark = pytest.mark.django_db


def test_a_quote_sent_in_english_reaches_each_buyer_colleague_in_their_language(
    client, market, buyer_member, django_capture_on_commit_callbacks
):
    need = need_published(market)
    officer = market.officer
    for person, language in ((officer, "fr"), (buyer_member, "de")):
        person.language = language
        person.save(update_fields=["language"])
    supplier_admin = admin_of(market.bricks)
    supplier_admin.language = "en"
    supplier_admin.save(update_fields=["language"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(supplier_admin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("sourcing:quote-edit", kwargs={"pk": need.pk}),
            quote_form_data(("Reused bricks", "2000", "0.45", "20")),  # 900.00 net, 1,080.00 gross
        )

    [to_officer] = [message for message in mail.outbox if message.to == [officer.email]]
    [to_colleague] = [message for message in mail.outbox if message.to == [buyer_member.email]]
    assert MONEY_1080["fr"] in spaces_plain(to_officer.body)
    assert MONEY_1080["de"] in spaces_plain(to_colleague.body)
    assert MONEY_1080["en"] not in to_officer.body + to_colleague.body
    # And so are their account notifications.
    assert MONEY_1080["de"] in spaces_plain(Notification.objects.get(recipient=buyer_member).body)
