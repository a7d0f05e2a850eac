"""Conversations between a buyer organisation and a supplier, started with "contact
this supplier". Nobody's e-mail address is shown to the other side until its owner
chooses to share it in that conversation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits


class Thread(models.Model):
    buyer = models.ForeignKey(
        "organisations.Buyer", verbose_name=_("buyer"), on_delete=models.CASCADE, related_name="threads"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="threads"
    )
    subject = models.CharField(_("subject"), max_length=limits.TITLE)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    email_shared_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("e-mail address shared by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message"), db_index=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("sourcing:thread-detail", kwargs={"pk": self.pk})


class Message(models.Model):
    class Side(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        SUPPLIER = "supplier", _("Supplier")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    side = models.CharField(max_length=16, choices=Side.choices)
    body = models.TextField(_("message"), max_length=limits.MESSAGE, validators=[limits.text_limit(limits.MESSAGE)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:60]
