"""A supplier's priced answer to a need, alone or jointly with partner suppliers (see
models.joint), and the award that turns one quote into a purchase with one order part
per supplier of it."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.attributes import GOODS, SERVICE
from catalogue.cards import KIND_LABELS
from marketplace.core import limits
from marketplace.partner.vat import vat_amount

from ..files import attachment_path, private_storage
from ..money import line_net


class Quote(models.Model):
    class Status(models.TextChoices):
        # A joint quote while its partners price their lines: the buyer does not see it yet.
        PREPARING = "preparing", _("In preparation")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        AWARDED = "awarded", _("Awarded")
        NOT_SELECTED = "not_selected", _("Not selected")

    need = models.ForeignKey("sourcing.Need", on_delete=models.CASCADE, related_name="quotes")
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="quotes"
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    valid_until = models.DateField(_("valid until"))
    delivery_date = models.DateField(_("delivery date"))
    message = models.TextField(
        _("message to the buyer"), blank=True, max_length=limits.MESSAGE, validators=[limits.text_limit(limits.MESSAGE)]
    )
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=private_storage, max_length=255, blank=True
    )
    attachment_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    # Led by `supplier`, with the partners of models.joint pricing their own lines.
    joint = models.BooleanField(_("joint quote"), default=False)
    total_excl_tax = models.DecimalField(_("total excl. VAT"), max_digits=12, decimal_places=2, default=0)
    total_tax = models.DecimalField(_("VAT"), max_digits=12, decimal_places=2, default=0)
    total_incl_tax = models.DecimalField(_("total incl. VAT"), max_digits=12, decimal_places=2, default=0)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["total_excl_tax", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [models.UniqueConstraint(fields=["need", "supplier"], name="quote_unique_supplier")]

    def __str__(self):
        return f"{self.supplier} – {self.need}"

    def totals_update(self) -> None:
        lines = list(self.lines.all())
        self.total_excl_tax = sum((line.net for line in lines), Decimal("0.00"))
        self.total_tax = sum((line.vat for line in lines), Decimal("0.00"))
        self.total_incl_tax = self.total_excl_tax + self.total_tax


LINE_KINDS = [(GOODS, KIND_LABELS[GOODS]), (SERVICE, KIND_LABELS[SERVICE])]


class QuoteLine(models.Model):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")
    # Who supplies and invoices the line: the quote's supplier, or a partner in a joint quote.
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="quote_lines"
    )
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(_("description"), max_length=255)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    unit_price = models.DecimalField(
        _("unit price excl. VAT"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    vat_rate = models.DecimalField(
        _("VAT rate (%)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    # Goods or a service, which the VAT rules across borders tell apart (partner.vat_rules).
    kind = models.CharField(_("kind"), max_length=8, choices=LINE_KINDS, default=SERVICE)
    # How VAT applies to the line for this buyer (a code of partner.vat_rules.TREATMENTS),
    # set when the quote is submitted; its order line and invoice carry it on.
    vat_treatment = models.CharField(_("VAT treatment"), max_length=40, blank=True, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("quote line")
        verbose_name_plural = _("quote lines")

    def __str__(self):
        return self.description

    @property
    def net(self) -> Decimal:
        return line_net(quantity=self.quantity, unit_price=self.unit_price)

    @property
    def vat(self) -> Decimal:
        return vat_amount(net=self.net, rate=self.vat_rate)


class Award(models.Model):
    """The buyer chose this quote. One per need (the constraint is the last guard
    against a double submit) and it holds the purchase placed for it: one order part
    per supplier of the quote."""

    need = models.OneToOneField("sourcing.Need", on_delete=models.PROTECT, related_name="award")
    quote = models.OneToOneField(Quote, on_delete=models.PROTECT, related_name="award")
    purchase = models.OneToOneField(
        "order.Purchase", verbose_name=_("purchase"), on_delete=models.PROTECT, related_name="award"
    )
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    awarded_at = models.DateTimeField(_("awarded"), auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.need} → {self.quote.supplier}"
