"""Sending one notification of one kind: to each person by the channels they chose for
that kind (at once, or kept for their daily or weekly summary), in their language, and
to addresses without an account (always at once: only required kinds go there).

Each e-mail to a person carries a one-click unsubscribe from its kind: a link in the text
and the List-Unsubscribe headers of RFC 8058 that mail programs show as a button.
Required kinds carry neither. One failing recipient is logged and the others still hear."""

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks, urlize
from oscar.core.loading import get_model

from marketplace.core import languages
from marketplace.core.validators import single_line

from .kinds import Channel, Frequency, kind_get
from .links import settings_url, unsubscribe_url
from .models import PendingNotification
from .selectors import routes

logger = logging.getLogger(__name__)
Notification = get_model("communication", "Notification")


@dataclass
class Message:
    subject: str
    text: str
    # (filename, content, mimetype)
    attachments: list = field(default_factory=list)
    # The one-click unsubscribe link of one person's copy, for its List-Unsubscribe header.
    unsubscribe: str = ""

    def __post_init__(self):
        # Subjects name organisations and needs: one line, whatever was stored.
        self.subject = single_line(self.subject)

    @property
    def html(self) -> str:
        # The text with its links made clickable. Oscar's inbox shows a notification's
        # body as HTML, so everything typed by people is escaped here (always: the text
        # comes from render_to_string, which marks it safe).
        return linebreaks(urlize(escape(self.text)))


def templated(template: str, context: dict) -> Callable[[], Message]:
    """A `render` for deliver() from `<template>_subject.txt` and `<template>_body.txt`, the
    pair of templates core.mail.templated_mail_send reads."""

    def render():
        return Message(
            subject=render_to_string(f"{template}_subject.txt", context),
            text=render_to_string(f"{template}_body.txt", context),
        )

    return render


def deliver(render: Callable[[], Message], users=(), addresses=(), *, kind: str, language="", reply_to=None) -> None:
    """Each user gets the message of `kind` in their language by the channels they chose;
    each address as an e-mail in `language` (that of whoever caused it; the site's if
    none). `render()` writes the message in the active language: it is called once per
    language among those who receive something. `reply_to` is the address answers go to."""
    kind = kind_get(kind)
    users = list(users)
    chosen = routes(users=users, kind=kind)
    receiving = [user for user in users if any(chosen[user.pk].values())]
    readers = {reader_language: (group, []) for reader_language, group in languages.by_language(receiving).items()}
    if addresses:
        readers.setdefault(language or settings.LANGUAGE_CODE, ([], []))[1].extend(addresses)
    for reader_language, (group, group_addresses) in readers.items():
        message = languages.render_in(reader_language, render)
        for user in group:
            try:
                _to_user(message, user, kind, chosen[user.pk], reader_language, reply_to=reply_to)
            except Exception:
                # Whatever broke (a mail server, a bad address), the other recipients still hear.
                logger.exception("Could not notify user %s of “%s”", user.pk, message.subject)
        for address in group_addresses:
            try:
                mail_send(message, address, reply_to=reply_to)
            except Exception:
                logger.exception("Could not e-mail %s about “%s”", address, message.subject)


def _to_user(message: Message, user, kind, chosen: dict, language: str, *, reply_to) -> None:
    in_app, email = chosen[Channel.IN_APP], chosen[Channel.EMAIL] if user.email else None
    for channel, frequency in ((Channel.IN_APP, in_app), (Channel.EMAIL, email)):
        if frequency in (Frequency.DAILY, Frequency.WEEKLY):
            PendingNotification.objects.create(
                user=user, kind=kind.key, channel=channel, frequency=frequency, subject=message.subject,
                text=message.text,
            )  # fmt: skip
    if in_app == Frequency.IMMEDIATELY:
        Notification.objects.create(recipient=user, subject=escape(message.subject), body=message.html)
    if email == Frequency.IMMEDIATELY:
        kinds = [] if kind.required else [kind.key]
        mail_send(personal(message, user, kinds, language), user.email, reply_to=reply_to)


def personal(message: Message, user, kinds: list[str], language: str) -> Message:
    """This person's copy: a footer that says why they receive it and how to stop, and
    for kinds they may turn off, the one-click unsubscribe for its headers."""

    def render():
        unsubscribe = unsubscribe_url(user=user, kinds=kinds) if kinds else ""
        footer = render_to_string(
            "notifications/emails/footer.txt",
            {"kinds": [kind_get(key) for key in kinds], "unsubscribe_url": unsubscribe, "settings_url": settings_url()},
        ).strip()
        return unsubscribe, footer

    unsubscribe, footer = languages.render_in(language, render)
    return dataclasses.replace(message, text=f"{message.text.rstrip()}\n\n-- \n{footer}", unsubscribe=unsubscribe)


def mail_send(message: Message, address: str, *, reply_to=None) -> None:
    headers = {}
    if message.unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{message.unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    email = EmailMultiAlternatives(
        message.subject,
        message.text,
        settings.DEFAULT_FROM_EMAIL,
        [address],
        reply_to=[reply_to] if reply_to else None,
        headers=headers,
    )
    email.attach_alternative(message.html, "text/html")
    for filename, content, mimetype in message.attachments:
        email.attach(filename, content, mimetype)
    email.send()
