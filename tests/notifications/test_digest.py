"""Notifications chosen as a summary wait for it; the summary goes once, in its reader's language."""

import pytest
from django.core import mail
from django.core.management import call_command
from oscar.core.loading import get_model

from marketplace.notifications import kinds, services
from marketplace.notifications.models import Digest, PendingNotification
from tests.notifications.conftest import admin_of, header_url, mails_to

Notification = get_model("communication", "Notification")
pytestmark = pytest.mark.django_db


def test_a_daily_summary_holds_everything_waiting_and_goes_once(market, published):
    person = admin_of(market.bricks)
    services.preferences_save(user=person, choices={(kinds.NEED_INVITATION, "email"): "daily"})
    published(title="Reused bricks for a canteen")
    published(title="Reused tiles for a roof")
    assert mails_to(person) == []  # nothing at once by e-mail…
    assert Notification.objects.filter(recipient=person).count() == 2  # …while the app still has them

    call_command("notifications_digest", "weekly")
    assert mails_to(person) == []  # the weekly run leaves daily summaries alone

    call_command("notifications_digest", "daily")
    [summary] = mails_to(person)
    assert summary.subject == "Your daily summary: 2 notifications"
    assert "Reused bricks for a canteen" in summary.body and "Reused tiles for a roof" in summary.body
    assert "/accounts/notifications/unsubscribe/" in header_url(summary)

    # A second run (cron twice, or two at once) finds nothing left to send.
    mail.outbox.clear()
    call_command("notifications_digest", "daily")
    assert mail.outbox == []
    assert Digest.objects.filter(user=person).count() == 1
    assert not PendingNotification.objects.filter(user=person, digest__isnull=True).exists()


def test_a_summary_is_written_in_its_readers_language(market, published):
    person = admin_of(market.bricks)
    person.language = "fr"
    person.save(update_fields=["language"])
    services.preferences_save(user=person, choices={(kinds.NEED_INVITATION, "email"): "weekly"})
    published(title="Briques de réemploi")
    call_command("notifications_digest", "weekly")
    [summary] = mails_to(person)
    assert summary.subject == "Votre résumé hebdomadaire : 1 notification"
    assert "Briques de réemploi" in summary.body
    assert "/fr/accounts/notifications/unsubscribe/" in header_url(summary)


def test_an_in_app_summary_is_one_notification(market, published):
    person = admin_of(market.bricks)
    services.preferences_save(user=person, choices={(kinds.NEED_INVITATION, "in_app"): "daily"})
    published(title="Reused bricks for a canteen")
    published(title="Reused tiles for a roof")
    assert not Notification.objects.filter(recipient=person).exists()
    call_command("notifications_digest", "daily")
    [summary] = Notification.objects.filter(recipient=person)
    assert "Reused bricks for a canteen" in summary.body and "Reused tiles for a roof" in summary.body


def test_a_kind_turned_off_before_the_summary_is_left_out(market, published):
    person = admin_of(market.bricks)
    services.preferences_save(user=person, choices={(kinds.NEED_INVITATION, "email"): "daily"})
    published(title="Reused bricks for a canteen")
    services.unsubscribe(user=person, kinds=[kinds.NEED_INVITATION])
    call_command("notifications_digest", "daily")
    assert mails_to(person) == []


def test_a_summary_already_claimed_is_not_claimed_again(market, published):
    """What a run does first: a second run at the same moment gets no item of the first's."""
    from marketplace.notifications.services import _claim

    person = admin_of(market.bricks)
    services.preferences_save(user=person, choices={(kinds.NEED_INVITATION, "email"): "daily"})
    published(title="Reused bricks for a canteen")
    first = _claim(user_id=person.pk, channel="email", frequency="daily")
    assert first.items.count() == 1
    assert _claim(user_id=person.pk, channel="email", frequency="daily") is None
