"""Writes about claims: a supplier declares or renews one, an operator or a coordinator
verifies or rejects it, the daily command records expiries and reminds administrators.
Each write adds a line to the supplier's history and brings the supplier's labels and
search entry in line with the claims in force."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit.models import Action as AuditAction
from marketplace.audit.services import record
from marketplace.core.mail import absolute_url
from marketplace.notifications.delivery import deliver, templated
from marketplace.notifications.kinds import CLAIM_REMINDER
from marketplace.order.notifications import members
from marketplace.organisations.models import Label, Role, Supplier
from search.services import suppliers_reindex_later

from . import selectors
from .models import Claim, ClaimEvent, Decision, LabelClaim, WorkforceClaim


def _record(claim: Claim, action: str, *, by=None, note: str = "") -> ClaimEvent:
    return ClaimEvent.objects.create(
        supplier_id=claim.supplier_id,
        kind=claim.kind,
        claim_id=claim.pk,
        subject=str(claim.subject())[:300],
        action=action,
        by=by,
        valid_until=claim.valid_until,
        note=note,
    )


def supplier_claims_sync(*, supplier: Supplier, today: datetime.date | None = None) -> None:
    """The supplier's labels are those of its label claims in force; its search entry
    (labels, reserved contracts) is rebuilt after the commit."""
    today = today or timezone.localdate()
    in_force = LabelClaim.objects.filter(supplier=supplier).in_force_on(today).values_list("label_id", flat=True)
    supplier.labels.set(Label.objects.filter(pk__in=in_force))
    suppliers_reindex_later([supplier.pk])


@transaction.atomic
def claim_declared(*, claim: Claim, by, evidence=None) -> Claim:
    """Saves a claim the supplier has just filled in (new, or renewed: declared again),
    which waits for a decision from then on; a renewal without a new file keeps the
    evidence it had."""
    renewed = claim.pk is not None
    if evidence:
        claim.evidence = evidence
    claim.declared_by, claim.declared_at = by, timezone.now()
    claim.decision, claim.decided_by, claim.decided_at, claim.decision_note = Decision.PENDING, None, None, ""
    claim.lapsed_at = None
    claim.save()
    _record(claim, ClaimEvent.Action.RENEWED if renewed else ClaimEvent.Action.DECLARED, by=by)
    supplier_claims_sync(supplier=claim.supplier)
    return claim


def label_claim_declare(
    *, supplier: Supplier, by, label: Label, registry_reference: str = "", evidence=None, valid_until=None
) -> LabelClaim:
    claim = LabelClaim.objects.filter(supplier=supplier, label=label).first() or LabelClaim(
        supplier=supplier, label=label
    )
    claim.registry_reference, claim.valid_until = registry_reference, valid_until
    return claim_declared(claim=claim, by=by, evidence=evidence)


def workforce_claim_declare(
    *,
    supplier: Supplier,
    by,
    employees: int,
    employees_vulnerable: int,
    as_of: datetime.date,
    registry_reference: str = "",
    evidence=None,
    valid_until=None,
) -> WorkforceClaim:
    claim = WorkforceClaim.objects.filter(supplier=supplier).first() or WorkforceClaim(supplier=supplier)
    claim.employees, claim.employees_vulnerable, claim.as_of = employees, employees_vulnerable, as_of
    claim.registry_reference, claim.valid_until = registry_reference, valid_until
    claim.full_clean(exclude=["supplier", "evidence"])
    return claim_declared(claim=claim, by=by, evidence=evidence)


@transaction.atomic
def claim_decide(*, claim: Claim, by, verified: bool, note: str = "", valid_until=None) -> Claim:
    """An operator (any supplier) or a coordinator (their networks' members) verifies or
    rejects a pending claim, with the evidence at hand, and sets until when it holds."""
    claim = type(claim).objects.select_for_update().get(pk=claim.pk)
    if not selectors.may_decide(by, claim.supplier):
        raise PermissionDenied(_("You may not decide the claims of this organisation."))
    if claim.decision != Decision.PENDING:
        raise ValidationError(_("This claim was decided already."))
    if not verified and not note.strip():
        raise ValidationError({"note": _("Say why the claim is rejected: the supplier reads it.")})
    if verified and valid_until is not None and valid_until < timezone.localdate():
        raise ValidationError({"valid_until": _("A claim cannot be verified until a date in the past.")})
    claim.decision = Decision.VERIFIED if verified else Decision.REJECTED
    claim.decided_by, claim.decided_at, claim.decision_note = by, timezone.now(), note.strip()
    if verified:
        claim.valid_until = valid_until
    claim.save()
    action = ClaimEvent.Action.VERIFIED if verified else ClaimEvent.Action.REJECTED
    _record(claim, action, by=by, note=claim.decision_note)
    record(
        AuditAction.CLAIM_VERIFIED if verified else AuditAction.CLAIM_REJECTED,
        actor=by,
        target=claim,
        target_label=str(claim.subject())[:300],
        organisation=claim.supplier,
        details={"kind": claim.kind, "note": claim.decision_note, "valid_until": str(claim.valid_until or "")},
    )
    supplier_claims_sync(supplier=claim.supplier)
    return claim


@transaction.atomic
def claims_expire(*, today: datetime.date) -> int:
    """Records in the history each verified claim whose validity ended before `today`
    (once), and takes it off the supplier's labels and search entry."""
    lapsed = list(selectors.lapsed_on(today))
    suppliers = {}
    for claim in lapsed:
        type(claim).objects.filter(pk=claim.pk).update(lapsed_at=timezone.now())
        _record(claim, ClaimEvent.Action.EXPIRED)
        suppliers[claim.supplier_id] = claim.supplier
    for supplier in suppliers.values():
        supplier_claims_sync(supplier=supplier, today=today)
    return len(lapsed)


@transaction.atomic
def claims_remind(*, today: datetime.date) -> int:
    """E-mails the administrators of each supplier whose verified claim ends within
    CLAIM_REMINDER_DAYS, once per claim and expiry date, in each one's language."""
    last = today + datetime.timedelta(days=settings.CLAIM_REMINDER_DAYS)
    reminded = 0
    for claim in selectors.expiring_between(today, last):
        url = absolute_url(reverse("verification_workspace:claims", kwargs={"slug": claim.supplier.slug}))
        for user in members([claim.supplier_id], role=Role.ADMIN):
            # Each reminder greets its reader: one per administrator.
            render = templated(
                "verification/email/expiry_reminder",
                {"user": user, "claim": claim, "supplier": claim.supplier, "url": url},
            )
            transaction.on_commit(lambda render=render, user=user: deliver(render, users=[user], kind=CLAIM_REMINDER))
        type(claim).objects.filter(pk=claim.pk).update(reminded_for=claim.valid_until)
        reminded += 1
    return reminded
