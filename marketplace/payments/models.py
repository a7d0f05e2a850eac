from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvoiceSequence(models.Model):
    """The last invoice number a supplier issued in a year: invoices are numbered
    without gaps per supplier and year, as EU invoicing rules ask."""

    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["supplier", "year"], name="invoice_sequence_unique")]

    def __str__(self):
        return f"{self.supplier_id}/{self.year}: {self.last}"


class Invoice(models.Model):
    """The invoice a supplier issues for its part of a purchase (one per part)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PAID = "paid", _("Paid")
        VOID = "void", _("Void")

    order = models.OneToOneField(
        "order.Order", verbose_name=_("order part"), on_delete=models.PROTECT, related_name="invoice"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="invoices"
    )
    number = models.CharField(_("invoice number"), max_length=40)
    issued_on = models.DateField(_("issued on"))
    due_on = models.DateField(_("due on"))
    total_excl_tax = models.DecimalField(_("net"), max_digits=12, decimal_places=2)
    total_tax = models.DecimalField(_("VAT"), max_digits=12, decimal_places=2)
    total_incl_tax = models.DecimalField(_("gross"), max_digits=12, decimal_places=2)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [models.UniqueConstraint(fields=["supplier", "number"], name="invoice_number_unique")]

    def __str__(self):
        return self.number

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()
