"""Reads of the organisations domain. Views, the API, commands and pages call
these so that each page's queries are decided in one place."""

from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.partner.strategy import price_at_rate
from marketplace.partner.vat import standard_rate

from . import vat_ids
from .cards import SupplierCard
from .models import (
    Membership,
    Network,
    NetworkMembership,
    Organisation,
    Role,
    Sector,
    ServedArea,
    Supplier,
)

Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")


def platform_figures() -> dict:
    """Live figures for the home page."""
    verified = Supplier.objects.verified()
    return {
        "suppliers": verified.count(),
        "countries": verified.values("country").distinct().count(),
        "networks": Network.objects.count(),
        "orders": Order.objects.count(),
    }


def supplier_public_list():
    """Verified suppliers with what a supplier card shows."""
    return Supplier.objects.verified().with_public_relations().order_by("name")


def supplier_featured(*, limit: int) -> list[SupplierCard]:
    """Editors pick featured suppliers later; until then the most recently verified."""
    return [SupplierCard.from_supplier(s) for s in supplier_public_list().order_by("-verified_at", "name")[:limit]]


def supplier_is_visible_to(*, supplier: Supplier, user) -> bool:
    """Unverified suppliers are shown to their own members and operators only."""
    if supplier.verified:
        return True
    if not user.is_authenticated:
        return False
    return user.is_staff or is_member(user=user, organisation=supplier)


def supplier_get_profile(*, slug: str, user) -> Supplier:
    """A supplier with everything its profile shows, or Supplier.DoesNotExist
    if it does not exist or the user may not see it."""
    supplier = (
        Supplier.objects.select_related("region", "partner")
        .prefetch_related(
            Prefetch("sectors", queryset=Sector.objects.select_related("parent")),
            "impact_areas",
            "labels",
            "photos",
            Prefetch(
                "network_memberships",
                queryset=NetworkMembership.objects.select_related("network"),
            ),
            Prefetch("served_areas", queryset=ServedArea.objects.select_related("region")),
        )
        .get(slug=slug)
    )
    if not supplier_is_visible_to(supplier=supplier, user=user):
        raise Supplier.DoesNotExist
    return supplier


def supplier_products(*, supplier: Supplier, limit: int | None = None):
    """The supplier's public products (the first `limit` by title, or all) with
    their price and first image, in a fixed number of queries whatever their
    number. A product sold in variants (sizes, colours) is listed once, at the
    lowest price of its variants."""
    partner_id = supplier.partner_id
    stockrecords = StockRecord.objects.filter(partner_id=partner_id)
    products = (
        Product.objects.browsable()
        .filter(Q(stockrecords__partner_id=partner_id) | Q(children__stockrecords__partner_id=partner_id))
        .select_related("product_class")
        .prefetch_related(
            Prefetch("stockrecords", queryset=stockrecords),
            Prefetch("children__stockrecords", queryset=stockrecords),
            "images",
            # Only the VAT rate override, for the price incl. VAT (one query, whatever the attributes).
            Prefetch(
                "attribute_values",
                queryset=ProductAttributeValue.objects.filter(attribute__code="vat_rate"),
                to_attr="vat_rate_values",
            ),
        )
        .distinct()
        .order_by("title")
    )
    for product in products[:limit]:
        records = list(product.stockrecords.all()) or [
            record for child in product.children.all() for record in child.stockrecords.all()
        ]
        priced = [record for record in records if record.price is not None]
        images = list(product.images.all())
        product.supplier_stockrecord = record = min(priced, key=lambda record: record.price, default=None)
        product.supplier_price = None
        if record is not None:
            override = product.vat_rate_values[0].value_float if product.vat_rate_values else None
            rate = Decimal(str(override)) if override is not None else standard_rate(supplier.country.code)
            product.supplier_price = price_at_rate(excl_tax=record.price, currency=record.price_currency, rate=rate)
        product.first_image = images[0] if images else None
        yield product


def network_list():
    return Network.objects.annotate(
        member_count=Count("members", filter=Q(members__verified=True), distinct=True)
    ).order_by("name")


def network_get(*, slug: str) -> Network:
    members = (
        NetworkMembership.objects.filter(supplier__verified=True)
        .select_related("supplier", "supplier__region")
        .order_by("supplier__name")
    )
    return Network.objects.prefetch_related(
        "partners", Prefetch("memberships", queryset=members, to_attr="verified_memberships")
    ).get(slug=slug)


def user_memberships(*, user):
    """The organisations a user belongs to, for menus and the account page."""
    return _memberships(user).select_related("organisation").order_by("organisation__name")


# Membership: every "does this person belong to that organisation" in the product is asked
# here, so that who counts as a member (and what an anonymous visitor gets) is decided once.


def _memberships(user, *, organisation=None, roles=None):
    if user is None or not user.is_authenticated:
        return Membership.objects.none()
    memberships = Membership.objects.filter(user=user)
    if organisation is not None:
        memberships = memberships.filter(organisation=organisation)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships


def membership_get(*, user, organisation: Organisation | int, roles=None) -> Membership | None:
    """The user's membership of the organisation (or its id), with one of `roles` if given;
    None for a visitor who is not signed in or not a member."""
    return _memberships(user, organisation=organisation, roles=roles).first()


def is_member(*, user, organisation: Organisation | int, roles=None) -> bool:
    """Whether the user belongs to the organisation (or its id), with one of `roles` if given."""
    return _memberships(user, organisation=organisation, roles=roles).exists()


def organisations_of(*, user, model=Organisation, roles=None):
    """The organisations of `model` (Organisation, Buyer or Supplier) the user belongs to,
    with one of `roles` if given, as a QuerySet to filter further."""
    return model.objects.filter(pk__in=_memberships(user, roles=roles).values("organisation_id"))


def organisation_administrators(*, organisation: Organisation) -> list:
    """The users who administer the organisation."""
    memberships = Membership.objects.filter(organisation=organisation, role=Role.ADMIN).select_related("user")
    return [membership.user for membership in memberships]


def organisation_members(*, organisation: Organisation):
    return organisation.memberships.select_related("user").order_by("role", "user__email")  # administrators first


def organisation_admin_count(*, organisation: Organisation) -> int:
    return organisation.memberships.filter(role=Role.ADMIN).count()


def organisations_only_administered_by(*, user) -> list[Organisation]:
    """The organisations that would have no administrator left without this person."""
    return list(
        organisations_of(user=user, roles=[Role.ADMIN])
        .annotate(admins=Count("memberships", filter=Q(memberships__role=Role.ADMIN)))
        .filter(admins=1)
        .order_by("name")
    )


def vat_id_usable(organisation: Organisation) -> bool:
    """Whether the organisation's VAT ID may be relied on (e.g. for the reverse charge): its
    format and check digits are right and VIES did not say it is unknown. VIES being down,
    not asked yet or not applicable (Serbia) does not count against it."""
    return (
        bool(organisation.vat_id)
        and vat_ids.is_valid_vat_id(organisation.vat_id, organisation.country)
        and organisation.vat_id_status != Organisation.VatIdStatus.INVALID
    )


# Maps -----------------------------------------------------------------------


@dataclass(frozen=True)
class MapMarker:
    """What a map shows of a supplier: public facts only."""

    name: str
    slug: str
    url: str
    town: str
    latitude: float
    longitude: float


def _marker(name, slug, town, latitude, longitude) -> MapMarker:
    url = reverse("organisations:supplier-detail", kwargs={"slug": slug})
    return MapMarker(name=name, slug=slug, url=url, town=town, latitude=latitude, longitude=longitude)


def supplier_marker(supplier: Supplier) -> MapMarker | None:
    """The marker of a supplier already loaded, or None when it has no location."""
    if not supplier.has_location:
        return None
    return _marker(supplier.name, supplier.slug, supplier.city, supplier.latitude, supplier.longitude)


def map_markers(suppliers) -> list[MapMarker]:
    """Markers of the verified, located suppliers among `suppliers` (a queryset), by name:
    one query, whatever their number."""
    rows = (
        suppliers.filter(verified=True)
        .exclude(latitude=None)
        .exclude(longitude=None)
        .order_by("name", "pk")
        .values_list("name", "slug", "city", "latitude", "longitude")
    )
    return [_marker(*row) for row in rows]


def map_data(markers) -> list[dict]:
    """Markers as the map script reads them (templates/includes/map.html), the unlocated left out."""
    return [asdict(marker) for marker in markers if marker is not None]
