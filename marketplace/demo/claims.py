"""Claims in the demo: every label a demo supplier holds is a verified claim with an
attestation, one of them expiring within the reminder period and one already expired
(recorded by the daily command's service); the legal statuses carry their evidence and
the French ESAT its verified workforce (so it may take reserved contracts across the
border); one workforce claim waits in the operators' queue. Idempotent."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from marketplace.deductions.models import LegalStatus
from marketplace.organisations.models import Supplier
from marketplace.verification import services
from marketplace.verification.models import LabelClaim, WorkforceClaim

# A minimal PDF: the demo's attestations (what the operators download).
ATTESTATION = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _attestation(name: str) -> ContentFile:
    return ContentFile(ATTESTATION, name=f"{name}.pdf")


def claims_demo(*, operator, pending_supplier: Supplier) -> None:
    today = timezone.localdate()
    for status in LegalStatus.objects.filter(evidence=""):
        status.evidence.save(f"status-{status.pk}.pdf", _attestation("status"), save=True)
    in_force = Supplier.labels.through.objects.select_related("label", "supplier").order_by("supplier_id", "label_id")
    first_claims = not LabelClaim.objects.exists()
    for index, held in enumerate(in_force):
        if LabelClaim.objects.filter(supplier_id=held.supplier_id, label_id=held.label_id).exists():
            continue
        claim = services.label_claim_declare(
            supplier=held.supplier,
            by=None,
            label=held.label,
            registry_reference=f"{held.label.slug.upper()}-{held.supplier_id:05d}",
            evidence=_attestation("label"),
        )
        # The first label expires within the reminder period; the others in a year or two.
        days = settings.CLAIM_REMINDER_DAYS // 2 if first_claims and index == 0 else 365 + 30 * (index % 12)
        services.claim_decide(claim=claim, by=operator, verified=True, valid_until=today + datetime.timedelta(days))
        if first_claims and index == 1:
            # Expired last week (the evidence ran out): the daily command records it below.
            LabelClaim.objects.filter(pk=claim.pk).update(valid_until=today - datetime.timedelta(days=7))
    services.claims_expire(today=today)
    esat = LegalStatus.objects.filter(status="fr_esat").select_related("supplier").first()
    if esat and not WorkforceClaim.objects.filter(supplier=esat.supplier).exists():
        claim = services.workforce_claim_declare(
            supplier=esat.supplier,
            by=None,
            employees=48,
            employees_vulnerable=41,
            as_of=today.replace(month=1, day=1),
            registry_reference="FINESS 570 012 345",
            evidence=_attestation("workforce"),
        )
        services.claim_decide(claim=claim, by=operator, verified=True, valid_until=today.replace(year=today.year + 1))
    if not WorkforceClaim.objects.filter(supplier=pending_supplier).exists():
        services.workforce_claim_declare(
            supplier=pending_supplier,
            by=pending_supplier.memberships.order_by("pk").first().user,
            employees=14,
            employees_vulnerable=6,
            as_of=today.replace(month=1, day=1),
            evidence=_attestation("workforce"),
        )
