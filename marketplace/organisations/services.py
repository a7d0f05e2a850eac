"""Writes of the organisations domain. Every change that has a rule or a side
effect (the supplier's shop partner, member rights, e-mails) goes through here,
whether it comes from a page, the admin, a command or the demo loader.

E-mails about colleagues go out in the recipient's language (marketplace.core.languages):
a person added to an organisation reads theirs; an invited address, which has no account
to say its own, reads the language of the colleague who invited it."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core import languages, mail
from marketplace.core.mail import templated_mail_send

from .models import Buyer, Invitation, Membership, Organisation, Region, Role, ServedArea, Supplier

Partner = get_model("partner", "Partner")
User = get_user_model()

# Paths under /suppliers/ and /buyers/ that a slug must not shadow.
RESERVED_SLUGS = {"new", "edit", "members", "join", "register", "search"}


def slug_base(name: str) -> str:
    """The slug an organisation of this name gets when no other holds it (kept on renames)."""
    base = slugify(name)[:180] or "organisation"
    return f"{base}-org" if base in RESERVED_SLUGS else base


def unique_slug(name: str, *, exclude_pk=None) -> str:
    base = slug_base(name)
    slug, n = base, 2
    taken = Organisation.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _validated(instance):
    instance.full_clean(exclude=["slug", "partner"])
    return instance


def _sync_partner(supplier: Supplier) -> None:
    """The Oscar partner mirrors the supplier: same name, and its users are the
    supplier's members, which is what Oscar's dashboard uses to scope access."""
    partner = supplier.partner
    if partner.name != supplier.name:
        partner.name = supplier.name
        partner.save(update_fields=["name"])
    partner.users.set(User.objects.filter(memberships__organisation=supplier))


def _set_m2m(instance, relations: dict) -> None:
    for field, values in relations.items():
        if values is not None:
            getattr(instance, field).set(values)


def served_areas_set(*, supplier: Supplier, regions: Iterable[Region] = (), countries: Iterable[str] = ()) -> None:
    """Replace the area a supplier serves: whole countries and single regions.
    A region inside a country already served whole adds nothing, so it is
    dropped. With neither, the supplier serves its own region (or country)."""
    if not regions and not countries:
        regions, countries = ([supplier.region], []) if supplier.region_id else ([], [supplier.country])
    whole = {str(c) for c in countries}
    rows = [ServedArea(supplier=supplier, country=code) for code in sorted(whole)]
    rows += [
        ServedArea(supplier=supplier, country=region.country, region=region)
        for region in {region.pk: region for region in regions}.values()  # each once
        if region.country.code not in whole
    ]
    supplier.served_areas.all().delete()
    ServedArea.objects.bulk_create(rows)


@transaction.atomic
def supplier_create(
    *,
    supplier: Supplier,
    created_by=None,
    sectors=(),
    impact_areas=(),
    labels=(),
    served_regions=None,
    served_countries=None,
) -> Supplier:
    """Register a social enterprise from an unsaved Supplier. It starts
    unverified; its creator becomes its administrator; its shop partner is
    created with it. Without an area served, it serves its own region (or
    country when it gave no region)."""
    supplier.verified = False
    _validated(supplier)
    supplier.slug = unique_slug(supplier.name)
    supplier.partner = Partner.objects.create(name=supplier.name)
    supplier.save()
    _set_m2m(supplier, {"sectors": sectors, "impact_areas": impact_areas, "labels": labels})
    caller_adds_areas = served_regions == [] and served_countries == []  # the admin's inline does
    if not caller_adds_areas:
        served_areas_set(supplier=supplier, regions=served_regions or (), countries=served_countries or ())
    if created_by is not None:
        Membership.objects.create(user=created_by, organisation=supplier, role=Role.ADMIN)
    _sync_partner(supplier)
    return supplier


@transaction.atomic
def supplier_update(
    *,
    supplier: Supplier,
    sectors=None,
    impact_areas=None,
    labels=None,
    served_regions=None,
    served_countries=None,
) -> Supplier:
    """Save a supplier whose fields were changed; relations given are replaced."""
    _validated(supplier)
    supplier.save()
    _set_m2m(supplier, {"sectors": sectors, "impact_areas": impact_areas, "labels": labels})
    if served_regions is not None or served_countries is not None or not supplier.served_areas.exists():
        served_areas_set(supplier=supplier, regions=served_regions or (), countries=served_countries or ())
    _sync_partner(supplier)
    return supplier


@transaction.atomic
def supplier_verify(*, supplier: Supplier, by) -> Supplier:
    """An operator confirms the enterprise is what it says; it then appears publicly."""
    if not by.is_staff:
        raise PermissionDenied(_("Only operators can verify suppliers."))
    if not supplier.verified:
        supplier.verified = True
        supplier.verified_at = timezone.now()
        supplier.verified_by = by
        supplier.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    return supplier


@transaction.atomic
def supplier_unverify(*, supplier: Supplier, by) -> Supplier:
    if not by.is_staff:
        raise PermissionDenied(_("Only operators can withdraw a verification."))
    supplier.verified = False
    supplier.verified_at = None
    supplier.verified_by = None
    supplier.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    return supplier


@transaction.atomic
def buyer_create(*, buyer: Buyer, created_by=None) -> Buyer:
    """Register a buying firm from an unsaved Buyer; its creator becomes its administrator."""
    _validated(buyer)
    buyer.slug = unique_slug(buyer.name)
    buyer.save()
    if created_by is not None:
        Membership.objects.create(user=created_by, organisation=buyer, role=Role.ADMIN)
    return buyer


@transaction.atomic
def buyer_update(*, buyer: Buyer) -> Buyer:
    _validated(buyer)
    buyer.save()
    return buyer


def organisation_members_changed(*, organisation: Organisation) -> None:
    """Keep what depends on the member list (the shop partner's users) in step."""
    if organisation.is_supplier:
        _sync_partner(Supplier.objects.select_related("partner").get(pk=organisation.pk))


@transaction.atomic
def membership_add(*, organisation: Organisation, user, role: str = Role.MEMBER) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if created:
        # Whoever joined another way no longer waits for an invitation.
        organisation.invitations.filter(email__iexact=user.email, accepted_at=None).update(accepted_at=timezone.now())
        organisation_members_changed(organisation=organisation)
    return membership


def _ensure_an_admin_remains(membership: Membership) -> None:
    others = membership.organisation.memberships.filter(role=Role.ADMIN).exclude(pk=membership.pk)
    if membership.is_admin and not others.exists():
        raise ValidationError(
            _("%(organisation)s needs at least one administrator: make someone else administrator first.")
            % {"organisation": membership.organisation.name}
        )


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role != Role.ADMIN:
        _ensure_an_admin_remains(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    _ensure_an_admin_remains(membership)
    organisation = membership.organisation
    membership.delete()
    organisation_members_changed(organisation=organisation)


def _send_mail(*, to: str, template: str, context: dict, language: str) -> None:
    templated_mail_send(to=to, template=f"organisations/email/{template}", context=context, language=language)


@transaction.atomic
def colleague_invite(*, organisation: Organisation, email: str, role: str, by):
    """Add a colleague by e-mail. Someone with an account joins at once; anyone
    else receives an invitation to create one. Returns the Membership or Invitation."""
    email = User.objects.normalize_email(email).strip()
    existing = User.objects.filter(email__iexact=email).first()
    context = {"organisation": organisation, "invited_by": by, "site_url": mail.site_url()}
    if existing is not None:
        if Membership.objects.filter(user=existing, organisation=organisation).exists():
            raise ValidationError(_("%(email)s is already a member.") % {"email": email})
        membership = membership_add(organisation=organisation, user=existing, role=role)
        _send_mail(to=existing.email, template="added", context=context, language=languages.of(existing))
        return membership
    invitation, created = Invitation.objects.get_or_create(
        organisation=organisation,
        email__iexact=email,
        accepted_at=None,
        defaults={"email": email, "role": role, "invited_by": by},
    )
    if not created:  # invited again: the latest role and inviter count
        invitation.role, invitation.invited_by = role, by
        invitation.save(update_fields=["role", "invited_by"])
    _send_mail(
        to=email, template="invitation", context={**context, "invitation": invitation}, language=languages.of(by)
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    if not invitation.is_pending:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.email.lower() != user.email.lower():
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))
    membership = membership_add(organisation=invitation.organisation, user=user, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership
