"""Legal statuses of workshops (declared by suppliers, verified by operators), the share
of each product's net price that is the workshop's own labour, and that share as it
stood on each invoice line when the invoice was issued."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from marketplace.sourcing.files import private_storage

from .rules import STATUS_COUNTRY, Status


def evidence_path(instance, filename: str) -> str:
    # A random name: the evidence is private and its file name says nothing.
    return f"deductions/evidence/{uuid.uuid4().hex}{os.path.splitext(filename)[1].lower()}"


class LegalStatusQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def in_force_on(self, day):
        """Verified and not expired on `day`."""
        return self.verified().filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))


class LegalStatus(models.Model):
    """A supplier's status under its country's law (an ESAT, a WfbM…). It counts for
    deductions and shows on the profile only once an operator has verified it."""

    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="legal_statuses"
    )
    country = CountryField(_("country"))
    status = models.CharField(_("legal status"), max_length=16, choices=Status.choices)
    registry_reference = models.CharField(
        _("registry reference"),
        max_length=100,
        help_text=_("The number that identifies you in the register: SIRET or FINESS, agreement number…"),
    )
    evidence = models.FileField(
        _("evidence"),
        upload_to=evidence_path,
        storage=private_storage,
        max_length=255,
        blank=True,
        help_text=_("Optional: your agreement or recognition, as PDF, PNG or JPEG."),
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty when the status does not expire.")
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)

    objects = LegalStatusQuerySet.as_manager()

    class Meta:
        ordering = ["supplier__name", "status"]
        verbose_name = _("legal status")
        verbose_name_plural = _("legal statuses")
        constraints = [models.UniqueConstraint(fields=["supplier", "status"], name="legal_status_once_per_supplier")]

    def __str__(self):
        return f"{self.supplier} – {self.get_status_display()}"

    def save(self, *args, **kwargs):
        self.country = STATUS_COUNTRY[Status(self.status)]
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def clean(self):
        super().clean()
        if self.status and self.country and STATUS_COUNTRY[Status(self.status)] != str(self.country):
            raise ValidationError({"status": _("This status belongs to another country's law.")})


class ProductLabourShare(models.Model):
    """The percentage of a product's net price that is the workshop's own labour; the rest
    is materials, products, subcontracting and sales costs."""

    product = models.OneToOneField(
        "catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE, related_name="labour_share"
    )
    percent = models.DecimalField(
        _("labour share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("labour share of a product")
        verbose_name_plural = _("labour shares of products")

    def __str__(self):
        return f"{self.product_id}: {self.percent} %"


class InvoiceLabourShare(models.Model):
    """The labour share of one line of an issued invoice, copied when the invoice was
    issued: later changes to the product's share never change a past invoice's deduction."""

    invoice = models.ForeignKey(
        "payments.Invoice", verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="labour_shares"
    )
    line_index = models.PositiveSmallIntegerField(_("line"))
    product_id = models.PositiveIntegerField(_("product"), null=True)
    percent = models.DecimalField(_("labour share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["invoice", "line_index"]
        verbose_name = _("labour share of an invoice line")
        verbose_name_plural = _("labour shares of invoice lines")
        constraints = [
            models.UniqueConstraint(fields=["invoice", "line_index"], name="invoice_labour_share_once_per_line")
        ]

    def __str__(self):
        return f"{self.invoice_id}/{self.line_index}: {self.percent} %"
