"""What each person chose (NotificationPreference: a row only where they changed a
default) and what waits for their next summary (PendingNotification, claimed by one
Digest each, so that no summary is sent twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS, Channel, Frequency

KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS.values()]


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    enabled = models.BooleanField(_("on"), default=True)
    # Kept when turned off, so that subscribing again restores how it came.
    frequency = models.CharField(_("how often"), max_length=16, choices=Frequency.choices)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "channel"], name="notification_preference_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.channel}"


class Digest(models.Model):
    """One summary for one person and channel: it claims its items (see services.digests_send)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    frequency = models.CharField(_("how often"), max_length=16, choices=Frequency.choices)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification summary")
        verbose_name_plural = _("notification summaries")

    def __str__(self):
        return f"{self.user} · {self.frequency} · {self.created_at:%Y-%m-%d}"


class PendingNotification(models.Model):
    """A notification written in its reader's language when it happened, kept for their summary."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    frequency = models.CharField(_("how often"), max_length=16, choices=Frequency.choices)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("happened"), auto_now_add=True)
    digest = models.ForeignKey(
        Digest, verbose_name=_("summary"), null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification waiting for a summary")
        verbose_name_plural = _("notifications waiting for a summary")
        indexes = [models.Index(fields=["frequency", "channel", "digest"], name="pending_notification_waiting")]

    def __str__(self):
        return self.subject
