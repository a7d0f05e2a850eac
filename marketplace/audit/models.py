"""The audit log: who did what security-relevant thing, to what, for which organisation.
Rows are only ever added (audit.services.record); nobody edits or deletes them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-step sign-in turned on")
    TWO_FACTOR_DISABLED = "two_factor_disabled", _("Two-step sign-in turned off")
    RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated", _("Recovery codes replaced")
    RECOVERY_CODE_USED = "recovery_code_used", _("Signed in with a recovery code")
    SESSION_SIGNED_OUT = "session_signed_out", _("Signed out of another session")
    SESSIONS_SIGNED_OUT = "sessions_signed_out", _("Signed out everywhere else")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    SIGN_IN_LOCKED_OUT = "sign_in_locked_out", _("Sign-in paused after failed attempts")
    MEMBER_ROLE_CHANGED = "member_role_changed", _("Colleague's role changed")
    MEMBER_REMOVED = "member_removed", _("Colleague removed")
    BANK_DETAILS_CHANGED = "bank_details_changed", _("Bank details changed")
    SUPPLIER_VERIFIED = "supplier_verified", _("Supplier verified")
    SUPPLIER_UNVERIFIED = "supplier_unverified", _("Supplier's verification withdrawn")
    CLAIM_VERIFIED = "claim_verified", _("Claim verified")
    CLAIM_REJECTED = "claim_rejected", _("Claim rejected")
    # Recorded by the organisations' API keys and webhooks.
    API_KEY_CREATED = "api_key_created", _("API key created")
    API_KEY_REVOKED = "api_key_revoked", _("API key revoked")
    WEBHOOK_CREATED = "webhook_created", _("Webhook endpoint added")
    WEBHOOK_CHANGED = "webhook_changed", _("Webhook endpoint changed")
    WEBHOOK_DELETED = "webhook_deleted", _("Webhook endpoint removed")


class AuditEvent(models.Model):
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    actor_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=40, choices=Action.choices, db_index=True)
    # What was acted on, by its model label ("organisations.membership"), key and a readable name.
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_label = models.CharField(_("target"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["organisation", "-created"])]

    def __str__(self):
        return f"{self.get_action_display()} · {self.target_label}"
