"""Shortlists: reads and writes. A shortlist belongs to a buyer organisation and
every member of it sees and changes it; nobody else does."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from marketplace.core import limits
from marketplace.order.selectors import buyers_of
from marketplace.organisations.models import Sector, ServedArea, Supplier
from marketplace.organisations.selectors import is_member

from .models import Shortlist, ShortlistEntry


def shortlists_for(user):
    return (
        Shortlist.objects.filter(buyer__in=buyers_of(user))
        .select_related("buyer")
        .annotate(size=Count("entries"))
        .order_by("buyer__name", "name")
    )


def shortlist_get(*, user, pk) -> Shortlist | None:
    return Shortlist.objects.filter(pk=pk, buyer__in=buyers_of(user)).select_related("buyer").first()


def shortlist_suppliers(shortlist):
    """The shortlisted suppliers with what an export holds, in a fixed number of queries."""
    return supplier_export_queryset(Supplier.objects.filter(shortlists=shortlist))


def supplier_export_queryset(suppliers):
    return (
        suppliers.select_related("region")
        .prefetch_related(
            Prefetch("sectors", queryset=Sector.objects.select_related("parent")),
            "impact_areas",
            Prefetch("served_areas", queryset=ServedArea.objects.select_related("region")),
        )
        .order_by("name")
    )


@transaction.atomic
def shortlist_create(*, buyer, name: str, by) -> Shortlist:
    if not is_member(user=by, organisation=buyer):
        raise PermissionDenied(_("Only members of %(buyer)s can add its shortlists.") % {"buyer": buyer.name})
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the shortlist a name.")})
    limits.length_check(name, limit=limits.NAME, field="name")
    if buyer.shortlists.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("%(buyer)s already has a shortlist called “%(name)s”.") % {
            "buyer": buyer.name, "name": name}})  # fmt: skip
    return Shortlist.objects.create(buyer=buyer, name=name, created_by=by)


@transaction.atomic
def shortlist_add(*, shortlist: Shortlist, supplier: Supplier, by) -> ShortlistEntry:
    """Adds a verified supplier (again: nothing changes)."""
    if not supplier.verified:
        raise ValidationError(_("Only verified social enterprises can be shortlisted."))
    entry, _created = ShortlistEntry.objects.get_or_create(
        shortlist=shortlist, supplier=supplier, defaults={"added_by": by}
    )
    return entry


@transaction.atomic
def shortlist_remove(*, shortlist: Shortlist, supplier_id: int) -> None:
    shortlist.entries.filter(supplier_id=supplier_id).delete()


@transaction.atomic
def shortlist_delete(*, shortlist: Shortlist) -> None:
    shortlist.delete()
