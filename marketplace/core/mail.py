"""Every e-mail goes through this backend, which hands it to the configured one
(EMAIL_DELIVERY_BACKEND: SMTP, the console…). An e-mail that cannot be sent never
breaks what the person was doing (placing an order, inviting a colleague): it is
logged as an error and recorded as an EmailFailure that operators see in the admin."""

import logging

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template.loader import render_to_string

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
    from .middleware import current_request

    request = current_request.get()
    if request is not None and settings.SITE_URL_FROM_REQUEST:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """A path of the site as a link for e-mails and exports."""
    return site_url() + path


def templated_mail_send(*, to: str, template: str, context: dict) -> None:
    """A plain-text e-mail from `<template>_subject.txt` (on one line, whatever it holds)
    and `<template>_body.txt`, sent once the current transaction commits."""
    subject = single_line(render_to_string(f"{template}_subject.txt", context))
    body = render_to_string(f"{template}_body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [to]))
