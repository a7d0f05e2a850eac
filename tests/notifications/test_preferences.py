"""Each person's choices, per kind and channel, decide how a notification reaches them."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.notifications import kinds, services
from marketplace.notifications.delivery import Message, deliver
from tests.notifications.conftest import admin_of, mails_to

Notification = get_model("communication", "Notification")
pytestmark = pytest.mark.django_db
# Session, user, memberships, whether they coordinate a network, choices, the menu's unread count and basket:
# as many with one choice as with forty.
QUERY_BUDGET = 10


def inbox(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_by_default_an_invitation_comes_by_e_mail_and_in_the_app(market, published):
    published(title="Reused bricks")
    person = admin_of(market.bricks)
    [message] = mails_to(person)
    assert "Reused bricks" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Stop these e-mails with one click: http://testserver/accounts/notifications/unsubscribe/" in message.body
    assert len(inbox(person)) == 1


def test_each_channel_of_each_kind_is_turned_off_on_its_own(market, published):
    bricks, renovators = admin_of(market.bricks), admin_of(market.renovators)
    services.preferences_save(user=bricks, choices={(kinds.NEED_INVITATION, "email"): None})
    services.preferences_save(user=renovators, choices={(kinds.NEED_INVITATION, "in_app"): None})
    # Another kind turned off changes nothing for invitations.
    services.preferences_save(user=renovators, choices={(kinds.NEED_CANCELLED, "email"): None})
    published(title="Reused bricks")

    assert mails_to(bricks) == [] and len(inbox(bricks)) == 1
    assert len(mails_to(renovators)) == 1 and inbox(renovators) == []


def test_what_the_law_requires_comes_whatever_was_chosen(market):
    person = market.officer
    services.preferences_save(
        user=person, choices={(kinds.INVOICE_ISSUED, "email"): None, (kinds.INVOICE_ISSUED, "in_app"): None}
    )
    deliver(lambda: Message(subject="Invoice INV-1", text="Your invoice."), users=[person], kind=kinds.INVOICE_ISSUED)
    [message] = mails_to(person)
    assert "List-Unsubscribe" not in message.extra_headers
    assert "whatever your choices" in message.body
    assert inbox(person) == ["Invoice INV-1"]


def test_the_settings_page_shows_the_defaults_and_saves_choices(client, market):
    person = admin_of(market.bricks)
    client.force_login(person)
    url = reverse("notifications:settings")
    response = client.get(url)
    page = response.content.decode()
    # A supplier's kinds, not a buyer's; the defaults selected; required kinds explained.
    assert "Invitations to quote" in page and "A quote arrives for your need" not in page
    assert '<option value="immediately" selected>' in page and '<option value="daily" selected>' not in page
    assert "New messages in your conversations" in page

    # The browser sends every choice on the page, changed or not.
    form = {name: field.initial for name, field in response.context["form"].fields.items()}
    form.update({"need_invitation__email": "weekly", "need_invitation__in_app": "off"})
    response = client.post(url, form, follow=True)
    assert "Your choices are saved." in response.content.decode()
    assert person.notification_preferences.get(kind=kinds.NEED_INVITATION, channel="email").frequency == "weekly"
    assert not person.notification_preferences.get(kind=kinds.NEED_INVITATION, channel="in_app").enabled
    # The choices left as they came store nothing: the defaults still apply to them.
    assert person.notification_preferences.count() == 2


def test_a_choice_the_page_does_not_offer_is_refused_and_nothing_saved(client, market):
    person = admin_of(market.bricks)
    client.force_login(person)
    response = client.post(reverse("notifications:settings"), {"need_invitation__email": "hourly"})
    assert response.status_code == 200
    assert "Choose one of the options offered" in response.content.decode()
    assert not person.notification_preferences.exists()


def test_the_settings_page_needs_a_sign_in(client):
    response = client.get(reverse("notifications:settings"))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_the_settings_page_reads_the_choices_in_a_fixed_number_of_queries(
    client, market, django_assert_max_num_queries
):
    person = admin_of(market.bricks)
    for key in (kinds.NEED_INVITATION, kinds.NEED_CANCELLED, kinds.QUOTE_AWARDED, kinds.MESSAGE):
        services.preferences_save(user=person, choices={(key, "email"): "weekly", (key, "in_app"): None})
    client.force_login(person)
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(reverse("notifications:settings")).status_code == 200
