"""What a supplier looks like to search: one flat document per verified
supplier, built the same way for every backend. Its texts are in every language
they are written in, its card in every language it can be shown in
(search.languages)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.core import content
from marketplace.organisations.cards import SupplierCard
from marketplace.organisations.models import NetworkMembership, Region, Sector, ServedArea, Supplier
from marketplace.verification.selectors import reserved_countries_from

from .facets import document_facets
from .interface import SupplierQuery, fold
from .languages import distinct, every_language, translations

StockRecord = get_model("partner", "StockRecord")

BATCH_SIZE = 500


@dataclass
class SupplierDocument:
    id: int
    slug: str
    name: str
    description: str  # with its impact statement, town and region
    sectors: str  # names of its sectors and their parents
    products: str  # titles of its products in the shop
    # (each of description, sectors and products in every language it is written in)
    created: datetime  # when it was verified: "newest" sorts on it
    facets: dict = field(default_factory=dict)  # facet name -> list of values
    # SupplierCard.as_dict(), its translatable texts {language: text}: what a result list shows
    card: dict = field(default_factory=dict)
    location: tuple[float, float] | None = None  # (latitude, longitude), when known

    @property
    def name_sort(self) -> str:
        return fold(self.name)

    @property
    def body(self) -> str:
        """Everything searchable but the name."""
        return " ".join(part for part in (self.description, self.sectors, self.products) if part)

    def entry_fields(self) -> dict:
        """The database index's columns for this supplier (search.models.SupplierEntry)."""
        latitude, longitude = self.location or (None, None)
        return {
            "name_sort": self.name_sort[:200],
            "created": self.created,
            "card": self.card,
            "latitude": latitude,
            "longitude": longitude,
        }


def indexable_suppliers():
    """Only verified suppliers are searchable."""
    return Supplier.objects.verified()


def supplier_documents(ids=None, *, batch_size=BATCH_SIZE):
    """Documents for the verified suppliers among `ids` (all when None), in
    batches so that a full rebuild runs in constant memory."""
    suppliers = indexable_suppliers().order_by("pk")
    if ids is not None:
        suppliers = suppliers.filter(pk__in=ids)
    regions = _regions_by_country()
    last_pk = 0
    while True:
        batch = list(
            suppliers.filter(pk__gt=last_pk)
            .select_related("region", "workforce_claim")
            .prefetch_related(
                Prefetch("sectors", queryset=Sector.objects.select_related("parent")),
                "impact_areas",
                "labels",
                Prefetch("network_memberships", queryset=NetworkMembership.objects.select_related("network")),
                Prefetch("served_areas", queryset=ServedArea.objects.select_related("region")),
                "legal_statuses",
            )[:batch_size]
        )
        if not batch:
            return
        products = _product_titles([s.partner_id for s in batch])
        for supplier in batch:
            yield _document(supplier, products.get(supplier.partner_id, []), regions)
        if len(batch) < batch_size:  # the last batch: asking for the next would read nothing
            return
        last_pk = batch[-1].pk


def _product_titles(partner_ids):
    """Titles of public products per partner, in every language; a variant counts as
    its parent product."""
    titles = defaultdict(list)
    languages = content.languages()
    rows = (
        StockRecord.objects.filter(partner_id__in=partner_ids, product__is_public=True)
        .exclude(product__parent__is_public=False)  # a variant of a withdrawn product is withdrawn too
        .values_list(
            "partner_id",
            "product__parent_id",
            *(f"product__{content.column('title', language)}" for language in languages),
            *(f"product__parent__{content.column('title', language)}" for language in languages),
        )
    )
    for partner_id, parent_id, *columns in rows:
        own, parents = columns[: len(languages)], columns[len(languages) :]
        titles[partner_id] += parents if parent_id else own
    return {partner_id: distinct(found) for partner_id, found in titles.items()}


def _regions_by_country() -> dict:
    regions = defaultdict(list)
    for country, slug in Region.objects.values_list("country", "slug"):
        regions[country].append(slug)
    return regions


@dataclass
class SupplierFacts:
    """What a supplier's facets are read from (search.facets), gathered once per document."""

    supplier: Supplier
    sectors: list
    memberships: list
    served_areas: list  # (country code, region slug or "")
    regions_by_country: dict
    product_titles: list
    reserved: list  # countries whose reserved contracts it may take


def _document(supplier, product_titles, regions_by_country) -> SupplierDocument:
    sectors = list(supplier.sectors.all())
    sector_names = every_language([*(s.parent for s in sectors if s.parent_id), *sectors], "name")  # parents first
    reserved = reserved_countries_from(
        supplier.legal_statuses.all(), getattr(supplier, "workforce_claim", None), timezone.localdate()
    )
    facts = SupplierFacts(
        supplier=supplier,
        sectors=sectors,
        memberships=list(supplier.network_memberships.all()),
        served_areas=[
            (area.country.code, area.region.slug if area.region_id else "") for area in supplier.served_areas.all()
        ],
        regions_by_country=regions_by_country,
        product_titles=product_titles,
        reserved=reserved,
    )
    return SupplierDocument(
        id=supplier.pk,
        slug=supplier.slug,
        name=supplier.name,
        description=" ".join(
            [
                *every_language([supplier], "description", "impact_statement"),
                *distinct([supplier.city, *(every_language([supplier.region], "name") if supplier.region_id else [])]),
            ]
        ),
        sectors=" ".join(sector_names),
        products=" ".join(product_titles),
        created=supplier.verified_at or supplier.created_at,
        facets=document_facets(SupplierQuery.facets, facts),
        card={**_card(supplier, sectors), "reserved": reserved},
        location=(supplier.latitude, supplier.longitude) if supplier.has_location else None,
    )


def _card(supplier, sectors) -> dict:
    card = SupplierCard.from_supplier(supplier).as_dict()  # its descriptions in every language
    card["sectors"] = [(sector.slug, translations(content.texts(sector, "name"))) for sector in sectors]
    card["impact"] = [(area.slug, translations(content.texts(area, "name"))) for area in supplier.impact_areas.all()]
    if supplier.region_id:
        card["region"] = translations(content.texts(supplier.region, "name"))
    return card
