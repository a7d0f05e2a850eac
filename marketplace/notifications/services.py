"""Writes of notifications: a person's choices, one-click unsubscribing, and the daily
and weekly summaries."""

import logging

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import ngettext

from marketplace.core import languages

from .delivery import Message, Notification, mail_send, personal
from .kinds import Channel, Frequency, kind_get
from .models import Digest, NotificationPreference, PendingNotification
from .selectors import routes

logger = logging.getLogger(__name__)


@transaction.atomic
def preferences_save(*, user, choices: dict[tuple[str, str], str | None]) -> None:
    """`choices`: for (kind key, channel), a Frequency or None for off. A choice equal to
    the kind's default leaves no row; required kinds are not the person's to change."""
    for (key, channel), frequency in choices.items():
        kind = kind_get(key)
        if kind.required:
            continue
        if frequency == kind.default(channel):
            NotificationPreference.objects.filter(user=user, kind=key, channel=channel).delete()
            continue
        preference = NotificationPreference.objects.filter(user=user, kind=key, channel=channel).first()
        NotificationPreference.objects.update_or_create(
            user=user,
            kind=key,
            channel=channel,
            defaults={
                "enabled": frequency is not None,
                # Off keeps how it came, so that subscribing again restores it.
                "frequency": frequency or (preference.frequency if preference else kind.default(channel)),
            },
        )


@transaction.atomic
def unsubscribe(*, user, kinds: list[str]) -> None:
    """Turns off the e-mails of these kinds for this person (the app's inbox keeps them)."""
    for key in kinds:
        kind = kind_get(key)
        if kind.required:
            continue
        NotificationPreference.objects.update_or_create(
            user=user,
            kind=key,
            channel=Channel.EMAIL,
            defaults={"enabled": False},
            create_defaults={"enabled": False, "frequency": kind.default(Channel.EMAIL)},
        )


@transaction.atomic
def resubscribe(*, user, kinds: list[str]) -> None:
    """Undoes `unsubscribe`: the e-mails come again as often as they came before."""
    NotificationPreference.objects.filter(user=user, kind__in=kinds, channel=Channel.EMAIL).update(enabled=True)


def _claim(*, user_id: int, channel: str, frequency: str) -> Digest | None:
    """A summary that owns every item waiting for it. The conditional update lets each item
    be claimed once: a second run at the same time (or later) finds none left, on
    PostgreSQL (the row locks make it wait, then skip them) as on SQLite (one writer)."""
    with transaction.atomic():
        digest = Digest.objects.create(user_id=user_id, channel=channel, frequency=frequency)
        waiting = PendingNotification.objects.filter(
            user_id=user_id, channel=channel, frequency=frequency, digest__isnull=True
        )
        if not waiting.update(digest=digest):
            digest.delete()
            return None
    return digest


def digests_send(*, frequency: str) -> int:
    """Sends each person one summary per channel of everything waiting at `frequency`,
    in their language. Items whose kind they have since turned off are dropped. Returns
    the number of summaries sent."""
    sent = 0
    waiting = (
        PendingNotification.objects.filter(frequency=frequency, digest__isnull=True)
        .values_list("user_id", "channel")
        .distinct()
        .order_by("user_id", "channel")
    )
    for user_id, channel in list(waiting):
        digest = _claim(user_id=user_id, channel=channel, frequency=frequency)
        if digest is None:
            continue
        items = list(digest.items.select_related("user"))
        user = items[0].user
        items = [item for item in items if _still_wanted(user, item)]
        if items:
            try:
                _digest_deliver(digest, user, items)
                sent += 1
            except Exception:
                # Whatever broke for this person, the others still get their summaries.
                logger.exception("Could not send summary %s to user %s", digest.pk, user_id)
        Digest.objects.filter(pk=digest.pk).update(sent_at=timezone.now())
    return sent


def _still_wanted(user, item: PendingNotification) -> bool:
    return routes(users=[user], kind=kind_get(item.kind))[user.pk][item.channel] is not None


def _digest_deliver(digest: Digest, user, items: list[PendingNotification]) -> None:
    language = languages.of(user)

    def render():
        count = len(items)
        if digest.frequency == Frequency.DAILY:
            subject = ngettext(
                "Your daily summary: %(count)d notification", "Your daily summary: %(count)d notifications", count
            )
        else:
            subject = ngettext(
                "Your weekly summary: %(count)d notification", "Your weekly summary: %(count)d notifications", count
            )
        subject = subject % {"count": count}
        text = render_to_string("notifications/emails/digest.txt", {"items": items, "digest": digest})
        return Message(subject=subject, text=text)

    message = languages.render_in(language, render)
    if digest.channel == Channel.IN_APP:
        Notification.objects.create(recipient=user, subject=escape(message.subject), body=message.html)
    elif user.email:
        kinds = sorted({item.kind for item in items})
        mail_send(personal(message, user, kinds, language), user.email)
