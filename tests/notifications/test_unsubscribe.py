"""The one-click unsubscribe of every notification e-mail (RFC 8058), without signing in."""

import pytest
from django.core import signing
from django.test import Client

from marketplace.notifications import kinds
from marketplace.notifications.delivery import Message, deliver
from marketplace.notifications.kinds import KINDS
from marketplace.notifications.links import SALT
from marketplace.notifications.selectors import route
from tests.notifications.conftest import admin_of, header_url, link_after, mails_to, one_click

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(market, published):
    published(title="Reused bricks")
    person = admin_of(market.bricks)
    [message] = mails_to(person)
    return person, message


def emails_on(person) -> str | None:
    return route(user=person, kind_key=kinds.NEED_INVITATION, channel="email")


def test_a_mail_program_unsubscribes_with_one_post_without_cookie_or_csrf_token(invited, market, published):
    person, message = invited
    program = Client(enforce_csrf_checks=True)
    response = program.post(
        header_url(message), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert emails_on(person) is None
    # The next invitation reaches the app only.
    published(title="Reused tiles")
    assert len(mails_to(person)) == 1


def test_the_link_asks_before_unsubscribing_then_says_how_to_undo(invited):
    person, message = invited
    url = link_after(message.body, "Stop these e-mails with one click")
    assert url == header_url(message)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url).content.decode()
    assert "Stop these e-mails?" in page and "Invitations to quote" in page
    assert emails_on(person) == "immediately"  # a link checker opening it changes nothing

    done = visitor.post(url).content.decode()
    assert "You are unsubscribed" in done and "Subscribe again" in done
    assert emails_on(person) is None

    undo = visitor.post(f"{url}undo/", {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    assert "You are subscribed again" in undo.content.decode()
    assert emails_on(person) == "immediately"


def test_a_changed_link_is_refused_and_changes_nothing(invited, market):
    person, message = invited
    url = header_url(message)
    token = url.rstrip("/").rsplit("/", 1)[1]
    # Another person's link made without our secret key, or ours with one letter changed.
    other = admin_of(market.renovators)
    payload = {"u": other.pk, "k": [kinds.NEED_INVITATION]}
    forged = url.replace(token, signing.dumps(payload, key="not-the-site-key", salt=SALT, compress=True))
    tampered = url.replace(token, token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])
    for bad in (forged, tampered, url.replace(token, "nonsense")):
        response = one_click(Client(), bad)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert emails_on(person) == "immediately"
    assert route(user=other, kind_key=kinds.NEED_INVITATION, channel="email") == "immediately"


def test_the_link_is_in_the_readers_language(market, published):
    person = admin_of(market.bricks)
    person.language = "de"
    person.save(update_fields=["language"])
    published(title="Reused bricks")
    [message] = mails_to(person)
    assert header_url(message).startswith("http://testserver/de/accounts/notifications/unsubscribe/")


@pytest.mark.parametrize("kind", [kind for kind in KINDS.values() if not kind.required], ids=lambda kind: kind.key)
def test_every_e_mail_of_a_kind_that_can_be_turned_off_carries_its_unsubscribe(market, kind):
    person = market.officer
    deliver(lambda: Message(subject="News", text="Something happened."), users=[person], kind=kind.key)
    [message] = mails_to(person)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click(Client(), header_url(message))
    assert route(user=person, kind_key=kind.key, channel="email") is None
