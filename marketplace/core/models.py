from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailFailure(models.Model):
    """An e-mail the mail server did not take (or that could not even be built):
    the action that sent it went on; operators see it in the admin and follow up."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    recipients = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    error = models.TextField(_("error"))
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail not sent")
        verbose_name_plural = _("e-mails not sent")

    def __str__(self):
        return f"{self.subject} → {self.recipients}"
