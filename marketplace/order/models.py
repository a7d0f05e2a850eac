"""One checkout makes one *purchase* for the buyer organisation, holding one Oscar
order per supplier: the supplier's *part*. Each part keeps Oscar's lines, totals,
notes and status history, so the dashboard, the supplier's isolation (every line of
a part is the supplier's) and the status flow all work per part."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from oscar.apps.order.abstract_models import AbstractLine, AbstractOrder


class PartStatus:
    """The statuses of a part (Oscar's order status), see OSCAR_ORDER_STATUS_PIPELINE."""

    AWAITING_PAYMENT = "Awaiting payment"
    PLACED = "Placed"
    ACCEPTED = "Accepted"
    REJECTED = "Rejected"
    SHIPPED = "Shipped"
    DELIVERED = "Delivered"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"

    # Statuses that end a part: no stock stays allocated to it.
    CLOSED = (REJECTED, CANCELLED)
    # A part goes out with its delivery note once its supplier confirmed it.
    CONFIRMED = (ACCEPTED, SHIPPED, DELIVERED, COMPLETED)

    # What buyers and suppliers read: the values above are Oscar's pipeline keys, stored
    # in the database and posted by forms, so they stay as they are.
    LABELS = {
        AWAITING_PAYMENT: _("Awaiting payment"),
        PLACED: _("Placed"),
        ACCEPTED: _("Confirmed"),
        REJECTED: _("Declined"),
        SHIPPED: _("Dispatched"),
        DELIVERED: _("Delivered"),
        COMPLETED: _("Completed"),
        CANCELLED: _("Cancelled"),
    }


def part_status_label(status: str) -> str:
    """The words people read for a part's status (the status itself when it has none)."""
    return str(PartStatus.LABELS.get(status, status))


# The type of the note that keeps a supplier's reason for declining or cancelling a part.
REASON_NOTE = "Reason"


class Purchase(models.Model):
    class PaymentMethod(models.TextChoices):
        INVOICE = "invoice", _("By invoice, due in 30 days")
        CARD = "card", _("By card")

    class PaymentStatus(models.TextChoices):
        INVOICED = "invoiced", _("Paid by invoice")
        AWAITING = "awaiting", _("Awaiting card payment")
        PAID = "paid", _("Paid by card")
        FAILED = "failed", _("Card payment failed")
        REFUNDED = "refunded", _("Refunded")

    number = models.CharField(_("purchase number"), max_length=32, unique=True)
    buyer = models.ForeignKey(
        "organisations.Buyer", verbose_name=_("buyer"), on_delete=models.PROTECT, related_name="purchases"
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("placed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # One purchase per basket: a second submit of the same basket finds this one.
    basket = models.OneToOneField(
        "basket.Basket", null=True, blank=True, on_delete=models.SET_NULL, related_name="purchase"
    )
    billing_name = models.CharField(_("billing entity"), max_length=200)
    billing_street_address = models.CharField(_("billing street address"), max_length=255)
    billing_postcode = models.CharField(_("billing postcode"), max_length=20)
    billing_city = models.CharField(_("billing city"), max_length=120)
    billing_country = CountryField(_("billing country"))
    vat_id = models.CharField(_("VAT ID"), max_length=20)
    purchase_order_reference = models.CharField(_("purchase order reference"), max_length=64, blank=True)
    delivery_name = models.CharField(_("deliver to"), max_length=200)
    delivery_street_address = models.CharField(_("delivery street address"), max_length=255)
    delivery_postcode = models.CharField(_("delivery postcode"), max_length=20)
    delivery_city = models.CharField(_("delivery city"), max_length=120)
    delivery_country = CountryField(_("delivery country"))
    wished_date = models.DateField(_("wished delivery date"), null=True, blank=True)
    payment_method = models.CharField(_("payment"), max_length=16, choices=PaymentMethod.choices)
    payment_status = models.CharField(_("payment status"), max_length=16, choices=PaymentStatus.choices)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    total_excl_tax = models.DecimalField(_("total excl. VAT"), max_digits=12, decimal_places=2)
    total_incl_tax = models.DecimalField(_("total incl. VAT"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(_("placed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("purchase")
        verbose_name_plural = _("purchases")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("purchases:detail", kwargs={"number": self.number})

    @property
    def total_tax(self):
        return self.total_incl_tax - self.total_excl_tax

    @property
    def delivery_lines(self):
        return [
            self.delivery_name,
            self.delivery_street_address,
            f"{self.delivery_postcode} {self.delivery_city}",
            self.delivery_country.name,
        ]

    @property
    def billing_lines(self):
        return [
            self.billing_name,
            self.billing_street_address,
            f"{self.billing_postcode} {self.billing_city}",
            self.billing_country.name,
        ]


class Order(AbstractOrder):
    """A supplier's part of a purchase."""

    purchase = models.ForeignKey(
        Purchase, verbose_name=_("purchase"), null=True, blank=True, on_delete=models.PROTECT, related_name="parts"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier",
        verbose_name=_("supplier"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="order_parts",
    )
    buyer_note = models.TextField(_("note to the supplier"), blank=True)

    class Meta(AbstractOrder.Meta):
        # One part per supplier of a purchase: the last guard against placing a share twice.
        constraints = [models.UniqueConstraint(fields=["purchase", "supplier"], name="order_part_unique_supplier")]

    @property
    def invoice_or_none(self):
        """The part's invoice once the supplier accepted it (prefetch "invoices" for lists)."""
        return next((document for document in self.invoices.all() if not document.is_credit_note), None)

    @property
    def credit_note_or_none(self):
        """The credit note that cancelled the part's invoice, if any."""
        return next((document for document in self.invoices.all() if document.is_credit_note), None)


class Line(AbstractLine):
    # How VAT applied when the line was placed (marketplace.partner.vat_rules.TREATMENTS):
    # its invoice's legal mention. Blank for lines placed before the rules, or from a quote.
    vat_treatment = models.CharField(_("VAT treatment"), max_length=40, blank=True)


from oscar.apps.order.models import *  # noqa: E402, F403  (Oscar's fork convention: our models first)
