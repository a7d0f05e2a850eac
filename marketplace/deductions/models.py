"""Legal statuses of workshops (declared by suppliers, verified by operators), the share
of each product's net price that is the workshop's own labour, and that share as it
stood on each invoice line when the invoice was issued."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from marketplace.verification.models import Claim, Kind, evidence_path  # noqa: F401 (migration 0001 names it)

from .rules import STATUS_COUNTRY, Status


class LegalStatus(Claim):
    """A supplier's status under its country's law (an ESAT, a WfbM…). It counts for
    deductions and reserved contracts, and shows on the profile, only while verified and
    unexpired (its evidence, decision and expiry: marketplace.verification.models.Claim)."""

    kind = Kind.LEGAL_STATUS

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

    def subject(self) -> str:
        return str(self.get_status_display())

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
