"""Reads about claims: whose claims a person may see and decide (the remit), the queue,
a supplier's claims and history, and what is in force on a day."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db.models import F, Prefetch

from marketplace.accounts.services import OPERATORS
from marketplace.deductions.models import LegalStatus
from marketplace.deductions.selectors import verified_statuses
from marketplace.networks.models import NetworkTeamMember, TeamRole
from marketplace.networks.selectors import coordinates_supplier
from marketplace.organisations.models import NetworkMembership, Supplier
from marketplace.organisations.selectors import is_member, organisations_of

from . import reserved
from .models import ClaimEvent, LabelClaim, WorkforceClaim

CLAIM_MODELS = (LegalStatus, LabelClaim, WorkforceClaim)
MODEL_OF_KIND = {model.kind: model for model in CLAIM_MODELS}


def is_operator(user) -> bool:
    """Operators: staff in the Operators group, or staff given this app's permissions."""
    if not (user.is_authenticated and user.is_staff):
        return False
    return user.has_perm("verification.change_labelclaim") or Group.objects.filter(name=OPERATORS, user=user).exists()


def may_decide(user, supplier) -> bool:
    """Operators decide any supplier's claims, coordinators those of their networks'
    members; nobody decides the claims of an organisation they belong to."""
    if not user.is_authenticated or is_member(user=user, organisation=supplier):
        return False
    return is_operator(user) or coordinates_supplier(user, supplier)


def may_see(user, supplier) -> bool:
    """The supplier's members, operators and its networks' coordinators see its claims,
    their evidence and their history."""
    return is_member(user=user, organisation=supplier) or is_operator(user) or coordinates_supplier(user, supplier)


def suppliers_in_remit(user):
    """The suppliers whose claims the user may decide (their own organisations left out)."""
    if not user.is_authenticated:
        return Supplier.objects.none()
    suppliers = Supplier.objects.exclude(pk__in=organisations_of(user=user))
    if is_operator(user):
        return suppliers
    coordinated = NetworkTeamMember.objects.filter(user=user, role=TeamRole.COORDINATOR).values("network_id")
    members = NetworkMembership.objects.filter(network_id__in=coordinated).values("supplier_id")
    return suppliers.filter(pk__in=members)


def pending_claims(user) -> list:
    """The queue: pending claims of the suppliers in the user's remit, oldest first."""
    remit = suppliers_in_remit(user)
    claims = []
    for model in CLAIM_MODELS:
        related = ["supplier", "declared_by"] + (["label"] if model is LabelClaim else [])
        claims += model.objects.pending().filter(supplier__in=remit).select_related(*related)
    return sorted(claims, key=lambda claim: (claim.declared_at, claim.kind, claim.pk))


def claim_get(*, kind: str, pk: int):
    """A claim by its kind and number, or None."""
    model = MODEL_OF_KIND.get(kind)
    if model is None:
        return None
    return model.objects.select_related("supplier").filter(pk=pk).first()


def claims_of(supplier) -> dict:
    """Every claim of a supplier by kind, for its workspace and the queue."""
    return {
        "legal_statuses": list(LegalStatus.objects.filter(supplier=supplier).select_related("decided_by")),
        "labels": list(LabelClaim.objects.filter(supplier=supplier).select_related("label", "decided_by")),
        "workforce": WorkforceClaim.objects.filter(supplier=supplier).select_related("decided_by").first(),
    }


def history_of(supplier):
    return ClaimEvent.objects.filter(supplier=supplier).select_related("by")


def verified_workforce(supplier, day) -> WorkforceClaim | None:
    """The supplier's workforce figures as verified and unexpired on `day`, if any."""
    return WorkforceClaim.objects.filter(supplier=supplier).in_force_on(day).first()


def expiring_between(first, last):
    """Verified claims whose validity ends between the two days (inclusive) and whose
    administrators were not reminded of that end yet."""
    for model in CLAIM_MODELS:
        yield from (
            model.objects.verified()
            .filter(valid_until__range=(first, last))
            .exclude(reminded_for=F("valid_until"))
            .select_related("supplier")
        )


def lapsed_on(day):
    """Verified claims that expired before `day` and whose expiry is not recorded yet."""
    for model in CLAIM_MODELS:
        yield from (
            model.objects.verified().filter(valid_until__lt=day, lapsed_at__isnull=True).select_related("supplier")
        )


def _share(workforce, day):
    return workforce.share if workforce is not None and workforce.in_force_on(day) else None


def reserved_countries_from(legal_statuses, workforce, day) -> list[str]:
    """From a supplier's claims already loaded (search documents prefetch them)."""
    statuses = {claim.status for claim in legal_statuses if claim.in_force_on(day)}
    return reserved.eligible_countries(statuses=statuses, share=_share(workforce, day), day=day)


@dataclass(frozen=True)
class ProfileClaims:
    """What a public profile shows of a supplier's claims in force on a day, read once:
    the legal-status badges, the workforce figures shown as verified and the countries
    whose reserved contracts it may take (which both of them decide)."""

    legal_statuses: list
    workforce: WorkforceClaim | None
    reserved_countries: list[str]


def profile_claims(supplier, day) -> ProfileClaims:
    legal_statuses = list(verified_statuses(supplier, day))
    workforce = verified_workforce(supplier, day)
    return ProfileClaims(legal_statuses, workforce, reserved_countries_from(legal_statuses, workforce, day))


def reserved_eligibility(supplier, country, day) -> reserved.Eligibility | None:
    """Whether the supplier may take a contract reserved in `country` (the buyer's), and why."""
    return reserved.eligibility(
        country,
        statuses=set(verified_statuses(supplier, day).values_list("status", flat=True)),
        share=_share(verified_workforce(supplier, day), day),
        day=day,
    )


def suppliers_eligible(suppliers, country, day):
    """Those of `suppliers` that may take a contract reserved in `country` on `day`."""
    candidates = (
        suppliers.filter(
            pk__in=LegalStatus.objects.in_force_on(day)
            .filter(status__in=reserved.QUALIFYING_STATUSES)
            .values("supplier_id")
        )
        .select_related("workforce_claim")
        .prefetch_related(
            Prefetch("legal_statuses", queryset=LegalStatus.objects.in_force_on(day), to_attr="statuses_in_force")
        )
    )
    eligible = [
        supplier.pk
        for supplier in candidates
        if country
        in reserved_countries_from(supplier.statuses_in_force, getattr(supplier, "workforce_claim", None), day)
    ]
    return suppliers.filter(pk__in=eligible)
