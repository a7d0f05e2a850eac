"""Writes of the organisations domain. Every change that has a rule or a side
effect (the supplier's shop partner, member rights, e-mails) goes through here,
whether it comes from a page, the admin, a command or the demo loader.

E-mails about colleagues go out in the recipient's language (marketplace.core.languages):
a person added to an organisation reads theirs; an invited address, which has no account
to say its own, reads the language of the colleague who invited it."""

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import default_task_backend
from oscar.core.loading import get_model

from marketplace.audit.models import Action
from marketplace.audit.services import record
from marketplace.core import languages, mail
from marketplace.core.mail import templated_mail_send

from . import bank, geocoding, tasks, vat_ids, vies
from .models import Buyer, Invitation, Membership, Organisation, Region, Role, ServedArea, Supplier
from .selectors import is_member

Partner = get_model("partner", "Partner")
User = get_user_model()

# Paths under /suppliers/ and /buyers/ that a slug must not shadow.
RESERVED_SLUGS = {"new", "edit", "members", "join", "register", "search", "map"}


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
    ask_vies=True,
) -> Supplier:
    """Register a social enterprise from an unsaved Supplier. It starts
    unverified; its creator becomes its administrator; its shop partner is
    created with it. Without an area served, it serves its own region (or
    country when it gave no region). VIES is asked about its VAT ID unless
    `ask_vies` is false (the demo's fictional numbers)."""
    supplier.verified = False
    _validated(supplier)
    supplier.slug = unique_slug(supplier.name)
    supplier.partner = Partner.objects.create(name=supplier.name)
    supplier.save()
    if supplier.vat_id and ask_vies:
        vat_id_check(supplier)
    if not supplier.has_location:
        _geocode_later(supplier)
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
    vat_id_changed = _vat_id_changed(supplier)
    address_changed = _address_changed(supplier)
    bank_before = _bank_details_stored(supplier)
    supplier.save()
    if bank_before != (supplier.iban, supplier.bic):
        record(
            Action.BANK_DETAILS_CHANGED,
            target=supplier,
            organisation=supplier,
            details={"iban_before": bank.iban_masked(bank_before[0]), "iban": bank.iban_masked(supplier.iban)},
        )
    if vat_id_changed:
        vat_id_check(supplier)
    if address_changed and supplier.location_source != Supplier.LocationSource.PLACED:
        _geocode_later(supplier)
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
        record(Action.SUPPLIER_VERIFIED, actor=by, target=supplier, organisation=supplier)
    return supplier


@transaction.atomic
def supplier_unverify(*, supplier: Supplier, by) -> Supplier:
    if not by.is_staff:
        raise PermissionDenied(_("Only operators can withdraw a verification."))
    supplier.verified = False
    supplier.verified_at = None
    supplier.verified_by = None
    supplier.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    record(Action.SUPPLIER_UNVERIFIED, actor=by, target=supplier, organisation=supplier)
    return supplier


@transaction.atomic
def buyer_create(*, buyer: Buyer, created_by=None, ask_vies=True) -> Buyer:
    """Register a buying firm from an unsaved Buyer; its creator becomes its administrator.
    VIES is asked about its VAT ID unless `ask_vies` is false (the demo's fictional numbers)."""
    _validated(buyer)
    buyer.slug = unique_slug(buyer.name)
    buyer.save()
    if buyer.vat_id and ask_vies:
        vat_id_check(buyer)
    if created_by is not None:
        Membership.objects.create(user=created_by, organisation=buyer, role=Role.ADMIN)
    return buyer


@transaction.atomic
def buyer_update(*, buyer: Buyer) -> Buyer:
    _validated(buyer)
    vat_id_changed = _vat_id_changed(buyer)
    buyer.save()
    if vat_id_changed:
        vat_id_check(buyer)
    return buyer


# VAT IDs and VIES ------------------------------------------------------------

# VIES's answers are asked again after this long: a firm may have closed since.
VAT_ID_RECHECK_AFTER = datetime.timedelta(days=30)
# When VIES could not answer, the check is tried again after these delays where the task
# backend can defer (production's database backend); then `vat_ids_recheck` takes over.
VAT_ID_RETRY_DELAYS = [datetime.timedelta(minutes=15), datetime.timedelta(hours=2), datetime.timedelta(hours=12)]


def _bank_details_stored(supplier: Supplier) -> tuple[str, str]:
    """The IBAN and BIC stored for the supplier (empty for a new one)."""
    return Supplier.objects.filter(pk=supplier.pk).values_list("iban", "bic").first() or ("", "")


def _vat_id_changed(organisation: Organisation) -> bool:
    """Whether the VAT ID (or the country it is read for) differs from the one stored."""
    stored = Organisation.objects.filter(pk=organisation.pk).values_list("vat_id", "country").first()
    return stored != (organisation.vat_id, str(organisation.country))


def vat_id_check(organisation: Organisation) -> None:
    """Forgets what VIES said about the organisation's previous VAT ID and asks about the one
    saved in the background, once the transaction commits: a page never waits for VIES."""
    organisation.vat_id_status = Organisation.VatIdStatus.UNCHECKED
    organisation.vat_id_checked_at = None
    organisation.vat_id_registered_name = ""
    Organisation.objects.filter(pk=organisation.pk).update(
        vat_id_status=organisation.vat_id_status, vat_id_checked_at=None, vat_id_registered_name=""
    )
    transaction.on_commit(lambda: tasks.vat_id_check.enqueue(organisation.pk))


# Location -------------------------------------------------------------------


def _address_changed(supplier: Supplier) -> bool:
    fields = ("street_address", "postcode", "city", "country")
    stored = Supplier.objects.filter(pk=supplier.pk).values_list(*fields).first()
    return stored != tuple(str(getattr(supplier, name)) for name in fields)


def _geocode_later(supplier: Supplier) -> None:
    """Geocode the saved address in the background, once the transaction commits: a page
    never waits for the geocoder."""
    transaction.on_commit(lambda: tasks.supplier_geocode.enqueue(supplier.pk))


def _address(supplier: Supplier) -> geocoding.Address:
    return geocoding.Address(
        street=supplier.street_address, postcode=supplier.postcode, city=supplier.city, country=str(supplier.country)
    )


@transaction.atomic
def supplier_location_place(*, supplier: Supplier, latitude: float, longitude: float) -> Supplier:
    """The supplier puts itself on the map: its address changes no longer move it."""
    supplier.latitude, supplier.longitude = latitude, longitude
    supplier.location_source = Supplier.LocationSource.PLACED
    _validated(supplier)
    supplier.save(update_fields=["latitude", "longitude", "location_source", "updated_at"])
    return supplier


@transaction.atomic
def supplier_location_from_address(*, supplier: Supplier) -> bool:
    """Place the supplier where the geocoder finds its address (at its own request, so even
    after it placed itself). False, and nothing changed, when the geocoder finds nothing."""
    found = geocoding.geocoder().locate(_address(supplier))
    if found is None:
        return False
    supplier.latitude, supplier.longitude = found.latitude, found.longitude
    supplier.location_source = Supplier.LocationSource.GEOCODED
    supplier.save(update_fields=["latitude", "longitude", "location_source", "updated_at"])
    return True


def supplier_location_geocode(*, supplier_id: int) -> bool:
    """The background task: geocode a supplier's address unless it placed itself since."""
    supplier = Supplier.objects.filter(pk=supplier_id).first()
    if supplier is None or supplier.location_source == Supplier.LocationSource.PLACED:
        return False
    return supplier_location_from_address(supplier=supplier)


def vat_id_vies_ask(*, organisation_id: int, attempt: int = 0) -> str:
    """Asks VIES about an organisation's VAT ID and stores its answer (the background task's
    work); returns the status stored. A PIB or a non-EU VAT ID is not VIES's (not applicable);
    a number whose format is wrong is not asked about (it stays unchecked)."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:  # deleted meanwhile
        return ""
    Status = Organisation.VatIdStatus
    vat_id, answer = organisation.vat_id, None
    if not vat_id or not vat_ids.is_valid_vat_id(vat_id, organisation.country):
        status = Status.UNCHECKED
    elif not vat_ids.in_vies(organisation.country):
        status = Status.NOT_APPLICABLE
    else:
        answer = vies.client().check(vat_id[:2], vat_id[2:])
        status = {True: Status.VALID, False: Status.INVALID, None: Status.UNAVAILABLE}[answer.valid]
    # Only if the VAT ID is still the one asked about: a newer one has its own check coming.
    Organisation.objects.filter(pk=organisation_id, vat_id=vat_id).update(
        vat_id_status=status,
        vat_id_checked_at=answer.checked_at if answer else None,
        vat_id_registered_name=answer.name[:255] if answer else "",
    )
    if status == Status.UNAVAILABLE and attempt < len(VAT_ID_RETRY_DELAYS) and default_task_backend.supports_defer:
        run_after = timezone.now() + VAT_ID_RETRY_DELAYS[attempt]
        tasks.vat_id_check.using(run_after=run_after).enqueue(organisation_id, attempt + 1)
    return status


def vat_ids_recheck() -> int:
    """Asks VIES again about the VAT IDs it could not answer for, those never asked about and
    those whose answer is older than VAT_ID_RECHECK_AFTER; returns how many VIES was asked
    about. Run twice in a row, the second run asks only about those VIES still could not
    answer for."""
    Status = Organisation.VatIdStatus
    old_answer = Q(vat_id_status__in=[Status.VALID, Status.INVALID])
    stale = old_answer & Q(vat_id_checked_at__lt=timezone.now() - VAT_ID_RECHECK_AFTER)
    due = (
        Organisation.objects.exclude(vat_id="")
        .filter(Q(vat_id_status__in=[Status.UNCHECKED, Status.UNAVAILABLE]) | stale)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    asked_vies = {Status.VALID, Status.INVALID, Status.UNAVAILABLE}
    # No chain of retries from here (last attempt): the next run of the recheck is the retry.
    statuses = [vat_id_vies_ask(organisation_id=pk, attempt=len(VAT_ID_RETRY_DELAYS)) for pk in list(due)]
    return sum(status in asked_vies for status in statuses)


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
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    if before != role:
        record(
            Action.MEMBER_ROLE_CHANGED,
            target=membership.user,
            target_label=membership.user.email,
            organisation=membership.organisation,
            details={"role_before": before, "role": role},
        )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    _ensure_an_admin_remains(membership)
    organisation = membership.organisation
    record(
        Action.MEMBER_REMOVED,
        target=membership.user,
        target_label=membership.user.email,
        organisation=organisation,
        details={"role": membership.role},
    )
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
        if is_member(user=existing, organisation=organisation):
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
