"""Spend a buyer declares from its own records (its ERP), outside the platform: each
uploaded file is an import; each of its readable rows a line, matched to a supplier of
the platform (or not). Matched lines count in the buyer's impact report as *declared*
spend, beside what it bought here."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpendImport(models.Model):
    buyer = models.ForeignKey("organisations.Buyer", on_delete=models.CASCADE, related_name="spend_imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=255)
    # SHA-256 of the file: the same file uploaded twice is refused.
    fingerprint = models.CharField(max_length=64, editable=False)
    # The rows that could not be read: [{"line": 7, "problem": "amount", "value": "12,x"}]
    # (problems are codes, shown in the reader's language by spend.reading.PROBLEMS).
    errors = models.JSONField(default=list, blank=True)
    # Rows already counted by this buyer's earlier imports (or repeated in this file), skipped.
    duplicates = models.PositiveIntegerField(_("rows already imported"), default=0)
    ignored_columns = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("spend import")
        verbose_name_plural = _("spend imports")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["buyer", "fingerprint"], name="spend_import_file_once")]

    def __str__(self):
        return f"{self.buyer} – {self.filename}"


class MatchStatus(models.TextChoices):
    MATCHED = "matched", _("matched")
    REVIEW = "review", _("to review")
    UNMATCHED = "unmatched", _("not on the platform")


class MatchMethod(models.TextChoices):
    VAT_ID = "vat_id", _("by VAT ID")
    NAME = "name", _("by name")
    BUYER = "buyer", _("by the buyer")
    NONE = "", _("none")


class SpendLine(models.Model):
    spend_import = models.ForeignKey(SpendImport, on_delete=models.CASCADE, related_name="lines")
    buyer = models.ForeignKey("organisations.Buyer", on_delete=models.CASCADE, related_name="+")
    line = models.PositiveIntegerField(_("line in the file"))
    supplier_name = models.CharField(_("supplier name"), max_length=255)
    # The name without case, accents and legal form (spend.names.name_key): rows of one
    # supplier are reviewed, remembered and invited together under it.
    name_key = models.CharField(max_length=255, db_index=True)
    vat_id = models.CharField(_("VAT ID"), max_length=40, blank=True)
    amount = models.DecimalField(_("amount (EUR excl. VAT)"), max_digits=14, decimal_places=2)
    spent_on = models.DateField(_("date"))
    category = models.CharField(_("category"), max_length=200, blank=True)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    # SHA-256 of buyer-independent facts of the row (supplier, date, amount, reference):
    # a row imported again in another file is skipped rather than counted twice.
    row_key = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("match"), max_length=10, choices=MatchStatus.choices)
    method = models.CharField(_("matched"), max_length=10, choices=MatchMethod.choices, blank=True)
    supplier = models.ForeignKey(
        "organisations.Supplier", null=True, blank=True, on_delete=models.SET_NULL, related_name="declared_spend"
    )
    # The closest supplier by name, for the buyer to confirm when status is REVIEW.
    candidate = models.ForeignKey(
        "organisations.Supplier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("name similarity (%)"), null=True, blank=True)

    class Meta:
        verbose_name = _("declared spend line")
        verbose_name_plural = _("declared spend lines")
        ordering = ["line"]
        constraints = [models.UniqueConstraint(fields=["buyer", "row_key"], name="spend_line_counted_once")]
        indexes = [models.Index(fields=["buyer", "status", "spent_on"])]

    def __str__(self):
        return f"{self.supplier_name} {self.spent_on} {self.amount}"


class SupplierInvitation(models.Model):
    """A buyer's invitation to a supplier it buys from off the platform to join it: one
    per supplier name and buyer."""

    buyer = models.ForeignKey("organisations.Buyer", on_delete=models.CASCADE, related_name="supplier_invitations")
    name_key = models.CharField(max_length=255)
    supplier_name = models.CharField(_("supplier name"), max_length=255)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("supplier invitation")
        verbose_name_plural = _("supplier invitations")
        constraints = [models.UniqueConstraint(fields=["buyer", "name_key"], name="spend_invitation_once")]

    def __str__(self):
        return f"{self.buyer} → {self.supplier_name}"
