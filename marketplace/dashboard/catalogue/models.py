"""A product file a supplier uploaded, kept between its preview and the confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductImport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        IMPORTED = "imported", _("Imported")

    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="product_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.JSONField(_("rows"), default=list)  # as parsed: one dict per row, with its line number
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("products created"), default=0)
    updated_count = models.PositiveIntegerField(_("products updated"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("product import")
        verbose_name_plural = _("product imports")

    def __str__(self):
        return f"{self.filename} ({self.supplier})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
