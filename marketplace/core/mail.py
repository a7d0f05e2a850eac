"""Every e-mail goes through this backend, which hands it to the configured one
(EMAIL_DELIVERY_BACKEND: SMTP, files in development…). An e-mail that cannot be sent never
breaks what the person was doing (placing an order, inviting a colleague): it is
logged as an error and recorded as an EmailFailure that operators see in the admin."""

import datetime
import email
import email.policy
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBasedBackend
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from . import languages
from .middleware import current_request
from .validators import single_line

logger = logging.getLogger(__name__)


class RecordingBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        try:
            return self.delivery.open()
        except Exception:
            logger.exception("Could not connect to the mail server")
            return False

    def close(self):
        try:
            self.delivery.close()
        except Exception:
            logger.exception("Could not close the connection to the mail server")

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            try:
                sent += self.delivery.send_messages([message]) or 0
            except Exception as error:
                failure_record(message, error)
        return sent


def failure_record(message, error: Exception) -> None:
    from .models import EmailFailure

    recipients = ", ".join(message.recipients())
    subject = single_line(str(message.subject))[:255]
    logger.error("Could not send “%s” to %s: %r", subject, recipients, error, exc_info=error)
    EmailFailure.objects.create(recipients=recipients, subject=subject, error=f"{type(error).__name__}: {error}")


def site_url() -> str:
    """The site's address, without a trailing slash: SITE_URL when it is fixed (set in the
    environment; always in production); else, while answering a request, that request's
    own scheme and host (`make run PORT=8123`, a preview on another host); else (commands,
    tasks outside a request) SITE_URL's default."""
    request = current_request.get()
    if request is not None and settings.SITE_URL_FROM_REQUEST:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """A path of the site as a link for e-mails and exports."""
    return site_url() + path


def templated_mail_send(*, to: str, template: str, context: dict, language: str) -> None:
    """A plain-text e-mail from `<template>_subject.txt` (on one line, whatever it holds)
    and `<template>_body.txt`, written in `language` (the recipient's, see
    marketplace.core.languages) and sent once the current transaction commits."""

    def render():
        subject = single_line(render_to_string(f"{template}_subject.txt", context))
        return subject, render_to_string(f"{template}_body.txt", context)

    subject, body = languages.render_in(language, render)
    transaction.on_commit(lambda: send_mail(subject, body, None, [to]))


class MailFolderBackend(FileBasedBackend):
    """Development: each e-mail as its own .eml file in EMAIL_FILE_PATH (Django's file
    backend appends a whole connection's e-mails to one file), which the page at
    /dev/mail/ lists and any mail program opens."""

    def send_messages(self, email_messages):
        folder = Path(self.file_path)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes(linesep="\n"))
        return len(email_messages)


@dataclass
class SentMail:
    name: str
    date: datetime.datetime | None  # None when the header is missing
    to: str
    subject: str
    text: str
    attachments: list


def mail_folder_names() -> list[str]:
    """The e-mails MailFolderBackend wrote, newest first (names start with the time)."""
    folder = Path(settings.EMAIL_FILE_PATH)
    if not folder.is_dir():
        return []
    return sorted((path.name for path in folder.glob("*.eml")), reverse=True)


def mail_folder_read(name: str) -> SentMail | None:
    path = Path(settings.EMAIL_FILE_PATH) / name
    if path.name != name or path.suffix != ".eml" or not path.is_file():
        return None
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    date = message["Date"]
    body = message.get_body(preferencelist=("plain",))
    return SentMail(
        name=name,
        date=getattr(date, "datetime", None),
        # Long headers are folded onto a second line: the parsed value keeps its leading space.
        to=str(message["To"] or "").strip(),
        subject=str(message["Subject"] or "").strip(),
        text=body.get_content() if body is not None else "",
        attachments=[part.get_filename() or "" for part in message.iter_attachments()],
    )
