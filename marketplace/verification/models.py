"""What suppliers claim about themselves (a legal status, a label, their workforce),
each with its evidence, an operator's or a coordinator's decision and an expiry date,
and one history of every claim of a supplier. Only verified, unexpired claims count
anywhere (labels shown and searched, workforce shown as verified, legal statuses for
deductions and reserved contracts). The legal status itself lives in
marketplace.deductions (LegalStatus), built on the same base."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.sourcing.files import private_storage


def evidence_path(instance, filename: str) -> str:
    # A random name: the evidence is private and its file name says nothing.
    return f"{instance._meta.app_label}/evidence/{uuid.uuid4().hex}{os.path.splitext(filename)[1].lower()}"


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class Kind(models.TextChoices):
    LEGAL_STATUS = "legal_status", _("Legal status")
    LABEL = "label", _("Label")
    WORKFORCE = "workforce", _("Workforce")


class ClaimQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision=Decision.PENDING)

    def verified(self):
        return self.filter(decision=Decision.VERIFIED)

    def in_force_on(self, day):
        """Verified and not expired on `day`."""
        return self.verified().filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))


class Claim(models.Model):
    """The evidence, decision and expiry every claim carries."""

    kind = ""  # Kind of the concrete claim

    registry_reference = models.CharField(
        _("registry reference"),
        max_length=100,
        blank=True,
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
    decision = models.CharField(
        _("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decision_note = models.TextField(_("note on the decision"), blank=True, max_length=2000)
    # Set by the daily command once it has recorded the expiry (so it is recorded once).
    lapsed_at = models.DateTimeField(_("expiry recorded at"), null=True, blank=True, editable=False)
    # The expiry date the supplier's administrators were reminded of (once per period).
    reminded_for = models.DateField(_("reminded of the expiry on"), null=True, blank=True, editable=False)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.decision == Decision.VERIFIED

    def in_force_on(self, day) -> bool:
        return self.is_verified and (self.valid_until is None or self.valid_until >= day)

    def subject(self) -> str:
        """What is claimed, in words (the history and the queue show it)."""
        raise NotImplementedError


class LabelClaim(Claim):
    """A label the supplier holds. Supplier.labels lists the labels of its claims in force
    (kept by services.supplier_claims_sync), so that every page and index reading labels
    reads verified ones."""

    kind = Kind.LABEL

    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="label_claims"
    )
    label = models.ForeignKey(
        "organisations.Label", verbose_name=_("label"), on_delete=models.CASCADE, related_name="claims"
    )

    class Meta:
        ordering = ["supplier__name", "label__name"]
        verbose_name = _("label claim")
        verbose_name_plural = _("label claims")
        constraints = [models.UniqueConstraint(fields=["supplier", "label"], name="label_claim_once_per_supplier")]

    def __str__(self):
        return f"{self.supplier} – {self.label}"

    def subject(self) -> str:
        return str(self.label)


class WorkforceClaim(Claim):
    """The supplier's workforce on a date: how many employees, of whom how many are in a
    vulnerable situation (disabled or disadvantaged). Its share decides the reserved
    contracts that need one (marketplace.verification.reserved)."""

    kind = Kind.WORKFORCE

    supplier = models.OneToOneField(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="workforce_claim"
    )
    employees = models.PositiveIntegerField(_("employees"), validators=[MaxValueValidator(1_000_000)])
    employees_vulnerable = models.PositiveIntegerField(
        _("employees in a vulnerable situation"), validators=[MaxValueValidator(1_000_000)]
    )
    as_of = models.DateField(_("as of"))

    class Meta:
        ordering = ["supplier__name"]
        verbose_name = _("workforce claim")
        verbose_name_plural = _("workforce claims")

    def __str__(self):
        return f"{self.supplier} – {self.subject()}"

    def clean(self):
        super().clean()
        counted = self.employees is not None and self.employees_vulnerable is not None
        if counted and self.employees_vulnerable > self.employees:
            raise ValidationError({"employees_vulnerable": _("There cannot be more of them than employees in all.")})

    @property
    def share(self) -> float | None:
        """Percentage of employees in a vulnerable situation (None without employees)."""
        return 100 * self.employees_vulnerable / self.employees if self.employees else None

    def subject(self) -> str:
        return _("%(vulnerable)s of %(total)s employees in a vulnerable situation on %(date)s") % {
            "vulnerable": self.employees_vulnerable,
            "total": self.employees,
            "date": self.as_of.isoformat() if self.as_of else "",
        }


class ClaimEvent(models.Model):
    """One line of a supplier's history of claims: declared, renewed, verified, rejected,
    expired; by whom and when. A claim deleted later keeps its history."""

    class Action(models.TextChoices):
        DECLARED = "declared", _("Declared")
        RENEWED = "renewed", _("Renewed")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        EXPIRED = "expired", _("Expired")

    supplier = models.ForeignKey(
        "organisations.Supplier", verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="claim_events"
    )
    kind = models.CharField(_("kind of claim"), max_length=16, choices=Kind.choices)
    claim_id = models.PositiveBigIntegerField(_("claim"))
    subject = models.CharField(_("claim"), max_length=300)
    action = models.CharField(_("what happened"), max_length=16, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("claim history entry")
        verbose_name_plural = _("claim history")
        indexes = [models.Index(fields=["supplier", "-at"], name="claim_event_supplier")]

    def __str__(self):
        return f"{self.supplier_id} {self.kind} {self.claim_id}: {self.action}"
