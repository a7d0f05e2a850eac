"""Invited suppliers that have not answered are reminded once before the deadline."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from marketplace.notifications import kinds, services
from marketplace.sourcing import services as sourcing
from tests.notifications.conftest import admin_of, link_after, mails_to
from tests.sourcing.conftest import quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_soon(market, published, settings):
    """A need due in a day, sent to Bricks Again, Renovators France and Alsace Reuse;
    Renovators quoted, Alsace Reuse declined."""
    settings.NEED_DEADLINE_REMINDER_DAYS = 2
    need = published(title="Reused bricks", deadline=timezone.now() + timedelta(days=1), region=None)
    quote(need, market.renovators, ("Bricks", "2000", "0.45", "20"))
    sourcing.invitation_respond(
        invitation=need.invitations.get(supplier=market.alsace_reuse), interested=False, reason="No stock"
    )
    mail.outbox.clear()
    return need


def test_only_those_who_have_not_answered_are_reminded_and_only_once(market, due_soon):
    call_command("needs_deadline_reminders")
    call_command("needs_deadline_reminders")
    [reminder] = mails_to(admin_of(market.bricks))
    assert reminder.subject == "Quotes are due soon: Reused bricks"
    assert "Not for you? Decline in one click: http://testserver/needs/invitations/decline/" in reminder.body
    assert reminder.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mails_to(admin_of(market.renovators)) == mails_to(admin_of(market.alsace_reuse)) == []
    assert due_soon.invitations.get(supplier=market.bricks).reminded_at is not None


def test_a_need_due_later_waits(market, published, settings):
    settings.NEED_DEADLINE_REMINDER_DAYS = 2
    published(title="Reused bricks", deadline=timezone.now() + timedelta(days=5))
    mail.outbox.clear()
    call_command("needs_deadline_reminders")
    assert mail.outbox == []


def test_a_reminder_follows_the_members_choices_and_language(market, due_soon):
    person = admin_of(market.bricks)
    person.language = "fr"
    person.save(update_fields=["language"])
    services.unsubscribe(user=person, kinds=[kinds.NEED_DEADLINE_REMINDER])
    call_command("needs_deadline_reminders")
    assert mails_to(person) == []
    # The app still tells them, in French, with the decline link in French.
    reminder = person.notifications.order_by("-pk").first()
    assert reminder.subject.startswith("Les devis sont attendus bientôt")
    assert "/fr/needs/invitations/decline/" in reminder.body


def test_the_reminders_decline_link_works(market, due_soon, client):
    call_command("needs_deadline_reminders")
    [reminder] = mails_to(admin_of(market.bricks))
    client.post(link_after(reminder.body, "Not for you? Decline in one click"), {"reason": ""})
    assert due_soon.invitations.get(supplier=market.bricks).status == "declined"
