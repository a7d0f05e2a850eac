"""Oscar's e-mails about a person's account (password reset, password or e-mail address
changed), in that person's language (marketplace.core.languages) rather than the
language of the page that caused them: a password reset is asked for by whoever types
the address. Replaces Oscar's CustomerDispatcher through the class loader
(marketplace.basket.loading)."""

import functools

from django.utils import translation
from oscar.apps.customer.utils import CustomerDispatcher as OscarDispatcher

from marketplace.core import languages


def _in_the_users_language(send):
    @functools.wraps(send)
    def wrapper(self, user, extra_context):
        with translation.override(languages.of(user)):
            return send(self, user, extra_context)

    return wrapper


class CustomerDispatcher(OscarDispatcher):
    send_registration_email_for_user = _in_the_users_language(OscarDispatcher.send_registration_email_for_user)
    send_password_reset_email_for_user = _in_the_users_language(OscarDispatcher.send_password_reset_email_for_user)
    send_password_changed_email_for_user = _in_the_users_language(OscarDispatcher.send_password_changed_email_for_user)
    send_email_changed_email_for_user = _in_the_users_language(OscarDispatcher.send_email_changed_email_for_user)
