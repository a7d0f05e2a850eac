from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """A person who signs in with an e-mail address. What a person may do
    comes from their memberships of organisations (see organisations.Membership)."""

    # What they read the site in, and everything sent to them later (e-mails, PDFs,
    # notifications): see marketplace.core.languages. Blank until they choose one.
    language = models.CharField(
        _("Language for e-mails and documents"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("E-mails, invoices and notifications are sent to you in this language."),
    )

    def __str__(self):
        return self.get_full_name() or self.email
