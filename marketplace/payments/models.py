from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class InvoiceSequence(models.Model):
    """The last invoice number a supplier issued in a year: invoices are numbered
    without gaps per supplier and year, as EU invoicing rules ask."""

    supplier = models.ForeignKey("organisations.Supplier", on_delete=models.CASCADE, related_name="+")
    # Invoices and credit notes are two series, each gapless ("INV-…", "CN-…").
    kind = models.CharField(max_length=12, default="invoice")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["supplier", "kind", "year"], name="invoice_sequence_unique")]

    def __str__(self):
        return f"{self.supplier_id}/{self.kind}/{self.year}: {self.last}"


class CreditReason(models.TextChoices):
    """Why a credit note cancels an invoice."""

    REJECTED = "rejected", _("The supplier declined the order after invoicing it")
    CANCELLED = "cancelled", _("The order was cancelled")
    REFUNDED = "refunded", _("The card payment was refunded")


class Invoice(models.Model):
    """An invoice a supplier issues for its part of a purchase (one per part), or a credit
    note that cancels one. It is a self-contained legal document (art. 226 of Directive
    2006/112/EC): the parties, lines and totals are copied in when it is issued, so it
    reads the same forever whatever later happens to profiles, products or the part.
    Only its payment state changes afterwards (see IMMUTABLE)."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PAID = "paid", _("Paid")
        VOID = "void", _("Cancelled by a credit note")

    # What nobody may change once the document is issued.
    IMMUTABLE = (
        "kind", "corrects_id", "reason", "order_id", "supplier_id", "number", "issued_on", "supplied_on", "due_on",
        "currency", "seller", "buyer", "delivery", "lines", "total_excl_tax", "total_tax", "total_incl_tax",
    )  # fmt: skip

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INVOICE)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_notes",
    )
    reason = models.CharField(_("reason"), max_length=12, choices=CreditReason.choices, blank=True)
    order = models.ForeignKey(
        "order.Order", verbose_name=_("order part"), on_delete=models.PROTECT, related_name="invoices"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="invoices"
    )
    number = models.CharField(_("invoice number"), max_length=40)
    issued_on = models.DateField(_("issued on"))
    supplied_on = models.DateField(_("date of supply"))
    due_on = models.DateField(_("due on"))
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    # The parties and lines as they stood when the document was issued (payments.services.invoice_snapshot).
    seller = models.JSONField(_("seller"), default=dict)
    buyer = models.JSONField(_("buyer"), default=dict)
    delivery = models.JSONField(_("delivery address"), default=dict)
    lines = models.JSONField(_("lines"), default=list)
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
        constraints = [
            models.UniqueConstraint(fields=["supplier", "number"], name="invoice_number_unique"),
            models.UniqueConstraint(fields=["order"], condition=models.Q(kind="invoice"), name="invoice_one_per_part"),
        ]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            stored = type(self).objects.filter(pk=self.pk).values(*self.IMMUTABLE).first()
            if stored is not None:
                changed = [name for name in self.IMMUTABLE if stored[name] != getattr(self, name)]
                if changed:
                    raise IssuedInvoiceChanged(self.number, changed)
        super().save(*args, **kwargs)

    @property
    def paid_by_card(self) -> bool:
        """Whether the purchase was paid by card when placed (as the issued document says)."""
        return self.buyer.get("payment_method") == "card"

    @property
    def payment_days(self) -> int:
        return (self.due_on - self.issued_on).days

    @property
    def is_credit_note(self) -> bool:
        return self.kind == self.Kind.CREDIT_NOTE

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()

    def email_attachment(self) -> tuple[str, bytes, str]:
        """(file name, Factur-X PDF, type) for an e-mail, so that ordering's messages attach the
        document without importing how it is drawn."""
        # Imported here: the document modules import this one.
        from .einvoices import invoice_facturx_pdf
        from .invoices import invoice_filename

        return invoice_filename(self, "pdf"), invoice_facturx_pdf(self), "application/pdf"


class IssuedInvoiceChanged(Exception):
    """An issued invoice or credit note was about to change: correct it with a credit note."""

    def __init__(self, number, fields):
        super().__init__(f"Invoice {number} is issued: {', '.join(fields)} cannot change.")


class CardPayment(models.Model):
    """The Stripe PaymentIntent that pays a purchase by card. Its status mirrors Stripe's
    but only moves forward (see `advances_to`), because webhooks arrive in any order."""

    class Status(models.TextChoices):
        REQUIRES_PAYMENT_METHOD = "requires_payment_method", _("Waiting for the card")
        REQUIRES_CONFIRMATION = "requires_confirmation", _("Waiting for confirmation")
        REQUIRES_ACTION = "requires_action", _("Waiting for authentication")
        PROCESSING = "processing", _("Processing")
        REQUIRES_CAPTURE = "requires_capture", _("Authorised")
        SUCCEEDED = "succeeded", _("Paid")
        CANCELED = "canceled", pgettext_lazy("payment status", "Cancelled")

    # How far along each status is. A status may replace one of lower rank only, so a
    # late `processing` never undoes `succeeded`; `canceled` ends a payment that never
    # succeeded, and nothing follows it but a (very late) success.
    RANK = {
        Status.REQUIRES_PAYMENT_METHOD: 0,
        Status.REQUIRES_CONFIRMATION: 1,
        Status.REQUIRES_ACTION: 2,
        Status.PROCESSING: 3,
        Status.REQUIRES_CAPTURE: 4,
        Status.CANCELED: 5,
        Status.SUCCEEDED: 6,
    }

    purchase = models.OneToOneField(
        "order.Purchase", verbose_name=_("purchase"), on_delete=models.PROTECT, related_name="card_payment"
    )
    payment_intent_id = models.CharField(_("Stripe PaymentIntent"), max_length=255, unique=True)
    status = models.CharField(_("status"), max_length=32, choices=Status.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    amount_refunded = models.DecimalField(_("refunded"), max_digits=12, decimal_places=2, default=0)
    charge_id = models.CharField(_("Stripe charge"), max_length=255, blank=True)
    # Why the last attempt failed (Stripe's message, for the buyer); the buyer may try another card.
    failure_message = models.CharField(_("last failure"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("card payment")
        verbose_name_plural = _("card payments")

    def __str__(self):
        return self.payment_intent_id

    def advances_to(self, status: str) -> bool:
        """Whether Stripe's `status` is news for this payment rather than an older state.
        "requires_payment_method" after a decline ranks lowest and so is never news:
        a decline is told by its own event (payment_intent.payment_failed)."""
        return self.RANK.get(status, -1) > self.RANK[self.status]


class StripeEvent(models.Model):
    """Every webhook event received, stored once by its id: a replay finds it and changes nothing."""

    event_id = models.CharField(_("event id"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    payload = models.JSONField(_("payload"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    processed = models.BooleanField(_("processed"), default=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"


class SupplierStripeAccount(models.Model):
    """A supplier's Stripe Connect (Express) account, which receives its share of card payments."""

    supplier = models.OneToOneField(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="stripe_account"
    )
    account_id = models.CharField(_("Stripe account"), max_length=255, unique=True)
    charges_enabled = models.BooleanField(_("charges enabled"), default=False)
    payouts_enabled = models.BooleanField(_("payouts enabled"), default=False)
    details_submitted = models.BooleanField(_("details submitted"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("supplier Stripe account")
        verbose_name_plural = _("supplier Stripe accounts")

    def __str__(self):
        return self.account_id

    @property
    def can_receive_transfers(self) -> bool:
        return self.details_submitted and self.payouts_enabled


class Transfer(models.Model):
    """A supplier's share of a card-paid purchase part: the part's total less the platform fee.
    Pending while the supplier has no connected account able to receive it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the supplier's Stripe account")
        PAID = "paid", _("Transferred")
        WITHHELD = "withheld", _("Withheld: the part was refunded")
        REVERSED = "reversed", _("Reversed: the part was refunded")

    order = models.OneToOneField(
        "order.Order", verbose_name=_("order part"), on_delete=models.PROTECT, related_name="transfer"
    )
    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="transfers"
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    fee = models.DecimalField(_("platform fee"), max_digits=12, decimal_places=2)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    transfer_id = models.CharField(_("Stripe transfer"), max_length=255, blank=True)
    reversal_id = models.CharField(_("Stripe transfer reversal"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")

    def __str__(self):
        return self.transfer_id or f"{self.order} ({self.status})"
