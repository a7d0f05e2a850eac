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


class UserSession(models.Model):
    """A signed-in session of a person, so that they can see where they are signed in and
    sign out of a session elsewhere (the session store itself cannot be listed per person).
    Written when they sign in (accounts.sessions), its activity at most every
    SESSION_ACTIVITY_INTERVAL; removed with the session."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # Truncated (the last part of the address dropped): enough to recognise a place.
    ip_address = models.CharField(max_length=45, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self):
        return f"{self.user} · {self.ip_address}"
