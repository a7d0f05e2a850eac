"""The sourcing market of tests/sourcing (a buyer, suppliers matching by sector and
place), and helpers that read e-mails as their recipients do."""

import re

import pytest
from django.core import mail

from marketplace.sourcing import services
from tests.sourcing.conftest import admin_of, market, need_draft


@pytest.fixture
def published(market, django_capture_on_commit_callbacks):
    """Publishes a need of the market's buyer; its invitations are sent (the background
    tasks run after the commit)."""

    def publish(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return services.need_publish(need=need_draft(market, **fields), by=market.officer)

    return publish


def mails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def header_url(message) -> str:
    """The address of the List-Unsubscribe header, as a mail program reads it."""
    return re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)


def one_click(client, url):
    """What a mail program sends for its unsubscribe button (RFC 8058)."""
    return client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")


def link_after(text: str, label: str) -> str:
    """The address that follows `label` in an e-mail's text."""
    return re.search(re.escape(label) + r": (\S+)", text).group(1)


__all__ = ["admin_of", "header_url", "link_after", "mails_to", "market", "one_click", "published"]
