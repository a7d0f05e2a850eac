"""Deterministic scale data for the search benchmark: N suppliers (10,000 by
default) drawn from the demo vocabularies (sectors, impact areas, labels,
regions, networks in marketplace/demo/data.py), and the products of ~60 % of
them, without images.

Two steps, so that tests and the query builder can use the plan without a database:
- `plan_suppliers(count, seed)` makes every random draw, in a fixed order, from
  one seeded `random.Random`: same seed, same suppliers, same facet values.
- `generate(count, seed)` writes the plan with bulk inserts in one transaction
  (a few seconds for 10,000 suppliers; `services.supplier_create` per supplier
  would take minutes), then rebuilds the search index once.

Indexing happens once: bulk inserts send no model signals, so nothing is
scheduled for reindexing on commit (checked below); `search.services.index_rebuild`
then indexes everything in one pass, and its duration is reported apart."""

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from marketplace.demo import data
from marketplace.demo.loader import DemoLoader
from marketplace.organisations.models import (
    ImpactArea,
    Label,
    Network,
    NetworkMembership,
    Organisation,
    Region,
    Sector,
    ServedArea,
    Supplier,
)
from search import services as search_services
from search.documents import CHARTER_PREFIX

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

SEED = 2026
DEFAULT_SUPPLIERS = 10_000
UPC_PREFIX = "BENCH"
VERIFIED_SHARE = 0.9
SELLING_SHARE = 0.6
NETWORK_SHARE = 0.4
FIRST_VERIFICATION = datetime(2020, 1, 1, tzinfo=UTC)
VERIFICATION_SPAN_MINUTES = 6 * 365 * 24 * 60

# Words a description may contain (and text queries look for), in the languages
# of the demo countries, some with accents.
VOCABULARY = (
    "réemploi", "Küche", "insertion", "solidaire", "circulaire", "recyclage", "upcycling", "Werkstatt",
    "Nachhaltigkeit", "Inklusion", "coopérative", "biologique", "artisanal", "Handwerk", "duurzaam", "kringloop",
    "zadruga", "mobilité", "énergie", "Bäckerei", "maraîchage", "Fahrrad", "économie", "Gemüse", "Lebensmittel",
    "fromagerie", "brasserie", "menuiserie", "Tischlerei", "imprimerie", "couture", "Schneiderei", "reparatie",
    "fietsen", "informatique", "Datenschutz", "accessibilité", "Barrierefreiheit", "logistique", "Lieferung",
    "jardins", "Grünpflege", "propreté", "Wäsche", "traiteur", "formation", "Ausbildung", "zanatstvo", "štampa",
    "ekološki",
)  # fmt: skip

IMPACT_STATEMENTS = (
    "{vulnerable} of our {employees} colleagues came to us from unemployment or exclusion.",
    "Every order keeps a job open and a training path going for {vulnerable} people.",
    "We employ {employees} people, {vulnerable} of them with a disability.",
    "Since {founded} we have trained people far from the labour market; {vulnerable} work with us today.",
)

SUB_SECTORS = [slug for _, _, children in data.SECTORS for _, slug in children]
PARENT_OF = {child: parent for _, parent, children in data.SECTORS for _, child in children}
SECTOR_NAMES = {slug: name for _, _, children in data.SECTORS for name, slug in children}
IMPACT_SLUGS = [slug for _, slug in data.IMPACT_AREAS]
GENERAL_LABELS = ["b-corp", "eu-ecolabel", "fairtrade"]
COUNTRIES = list(data.SUPPLIERS_PER_COUNTRY)
COUNTRY_WEIGHTS = list(data.SUPPLIERS_PER_COUNTRY.values())
REGIONS_OF = {c: [(slug, towns) for country, _, slug, _, towns in data.REGIONS if country == c] for c in COUNTRIES}
NETWORKS_OF = {country: [n["slug"] for n in data.NETWORKS if country in n["member_countries"]] for country in COUNTRIES}


@dataclass(frozen=True)
class PlannedProduct:
    upc: str
    title: str
    kind: str  # "goods" or "service"
    sector: str  # sub-sector slug: the product's category
    price: Decimal
    stock: int


@dataclass(frozen=True)
class PlannedSupplier:
    index: int
    name: str
    slug: str
    country: str
    region: str  # slug
    town: str
    legal_form: str
    sectors: tuple  # sub-sector slugs, main one first
    impact_areas: tuple
    labels: tuple
    network: str  # slug, or "" for none
    signed_charter: bool
    verified: bool
    verified_at: datetime | None
    founded: int
    employees: int
    vulnerable: int
    serves_whole_country: bool
    description: str
    impact_statement: str
    products: tuple = field(default=())

    @property
    def facets(self) -> dict:
        """The facet values the search index holds for this supplier (as in search.documents)."""
        labels = list(self.labels) + ([CHARTER_PREFIX + self.network] if self.signed_charter else [])
        return {
            "sector": sorted(set(self.sectors) | {PARENT_OF[s] for s in self.sectors}),
            "country": [self.country],
            "region": [self.region],
            "impact": sorted(self.impact_areas),
            "label": sorted(labels),
            "legal_form": [self.legal_form],
            "network": [self.network] if self.network else [],
            "sells_online": ["yes" if self.products else "no"],
        }


def plan_suppliers(count: int = DEFAULT_SUPPLIERS, seed: int = SEED) -> list[PlannedSupplier]:
    """Every random draw, in a fixed order, from one generator seeded with `seed`."""
    rng = random.Random(seed)
    return [_plan_one(rng, index) for index in range(count)]


def _plan_one(rng: random.Random, index: int) -> PlannedSupplier:
    country = rng.choices(COUNTRIES, weights=COUNTRY_WEIGHTS)[0]
    region, towns = rng.choice(REGIONS_OF[country])
    town = rng.choice(towns)
    legal_form, suffix = rng.choice(data.LEGAL_FORMS[country])
    main = rng.choice(SUB_SECTORS)
    others = rng.sample([s for s in SUB_SECTORS if s != main], rng.choice((0, 0, 1, 1, 2)))
    sectors = (main, *others)
    stem = rng.choice(data.NAME_STEMS[main][data.COUNTRY_LANGUAGE[country]])
    name = f"{stem} {town} {index + 1} {suffix}"
    impact_areas = tuple(sorted(rng.sample(IMPACT_SLUGS, rng.randint(0, 3))))
    label_pool = [data.COUNTRY_LABELS[country], *GENERAL_LABELS] if country in data.COUNTRY_LABELS else GENERAL_LABELS
    labels = tuple(sorted(rng.sample(label_pool, rng.choice((0, 0, 0, 1, 1, 2)))))
    network, signed = "", False
    if NETWORKS_OF[country] and rng.random() < NETWORK_SHARE:
        network, signed = rng.choice(NETWORKS_OF[country]), rng.random() < 0.5
    verified = rng.random() < VERIFIED_SHARE
    verified_at = FIRST_VERIFICATION + timedelta(minutes=rng.randrange(VERIFICATION_SPAN_MINUTES))
    founded = rng.randint(1978, 2023)
    employees = rng.randint(3, 250)
    vulnerable = round(employees * rng.uniform(0.3, 0.85))
    words = ", ".join(rng.sample(VOCABULARY, rng.randint(3, 6)))
    description = (
        f"{name} is a social enterprise in {town}. It works in "
        f"{' and '.join(SECTOR_NAMES[s].lower() for s in sectors)} and gives paid, supported work to "
        f"{data.VULNERABLE_GROUPS[legal_form]}. {words[0].upper()}{words[1:]}."
    )
    impact_statement = rng.choice(IMPACT_STATEMENTS).format(vulnerable=vulnerable, employees=employees, founded=founded)
    products = ()
    if rng.random() < SELLING_SHARE:
        offers = [(sector, offer) for sector in sectors for offer in data.PRODUCTS[sector]]
        chosen = rng.sample(offers, min(len(offers), rng.randint(1, 5)))
        products = tuple(
            PlannedProduct(
                upc=f"{UPC_PREFIX}-{index + 1:06d}-{n + 1}",
                title=title,
                kind=kind,
                sector=sector,
                price=(Decimal(price) * Decimal(rng.randint(90, 110)) / 100).quantize(Decimal("0.01")),
                stock=rng.randint(0, 400),
            )
            for n, (sector, (title, kind, _unit, price)) in enumerate(chosen)
        )
    return PlannedSupplier(
        index=index,
        name=name,
        slug=slugify(name)[:200],
        country=country,
        region=region,
        town=town,
        legal_form=legal_form,
        sectors=sectors,
        impact_areas=impact_areas,
        labels=labels,
        network=network,
        signed_charter=signed,
        verified=verified,
        verified_at=verified_at if verified else None,
        founded=founded,
        employees=employees,
        vulnerable=vulnerable,
        serves_whole_country=rng.random() < 0.25,
        description=description,
        impact_statement=impact_statement,
        products=products,
    )


@dataclass
class GenerationReport:
    suppliers: int
    verified: int
    products: int
    network_memberships: int
    generate_seconds: float
    index_seconds: float | None  # None when indexing was skipped
    indexed: int | None
    scheduled_reindex_ids: int  # ids the index-sync signals scheduled (expected 0)


def generate(
    count: int = DEFAULT_SUPPLIERS, seed: int = SEED, *, index: bool = True, plans=None
) -> tuple[list, GenerationReport]:
    """Write `count` planned suppliers (or the given `plans`) and, with `index`,
    rebuild the search index. Returns the plans and timings."""
    plans = plans if plans is not None else plan_suppliers(count, seed)
    if Organisation.objects.filter(slug__in=[p.slug for p in plans[:50]]).exists():
        raise RuntimeError("This database already holds generated suppliers: generate into an empty one.")
    pending_before = set(getattr(search_services._pending, "ids", set()))
    started = time.perf_counter()
    with transaction.atomic():
        _write(plans)
    generate_seconds = time.perf_counter() - started
    # Bulk inserts send no signals, so no reindex should be waiting; whatever
    # is (a future signal) is covered by the rebuild below, so it is dropped.
    scheduled = set(getattr(search_services._pending, "ids", set())) - pending_before
    if scheduled:
        search_services._pending.ids = pending_before
    index_seconds = indexed = None
    if index:
        started = time.perf_counter()
        indexed = search_services.index_rebuild()
        index_seconds = time.perf_counter() - started
    return plans, GenerationReport(
        suppliers=len(plans),
        verified=sum(p.verified for p in plans),
        products=sum(len(p.products) for p in plans),
        network_memberships=sum(bool(p.network) for p in plans),
        generate_seconds=generate_seconds,
        index_seconds=index_seconds,
        indexed=indexed,
        scheduled_reindex_ids=len(scheduled),
    )


def _write(plans):
    loader = DemoLoader(images=False, log=lambda *args: None)
    loader.taxonomy()
    loader.regions()
    loader.networks()
    sectors = dict(Sector.objects.values_list("slug", "pk"))
    impact_areas = dict(ImpactArea.objects.values_list("slug", "pk"))
    labels = dict(Label.objects.values_list("slug", "pk"))
    regions = dict(Region.objects.values_list("slug", "pk"))
    networks = dict(Network.objects.values_list("slug", "pk"))
    categories = {
        slug: create_from_breadcrumbs(f"{Sector.objects.get(slug=PARENT_OF[slug]).name} > {name}").pk
        for slug, name in SECTOR_NAMES.items()
    }
    product_classes = {"goods": loader.goods.pk, "service": loader.service.pk}

    partners = Partner.objects.bulk_create(
        [Partner(name=p.name[:128], code=p.slug[:128]) for p in plans], batch_size=_batch(Partner)
    )
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                kind=Organisation.Kind.SUPPLIER,
                name=p.name,
                slug=p.slug,
                country=p.country,
                city=p.town,
                description=p.description,
                website=f"https://{p.slug[:40]}.example",
                email=f"contact@{p.slug[:40]}.example",
            )
            for p in plans
        ],
        batch_size=_batch(Organisation),
    )
    suppliers = [
        Supplier(
            organisation_ptr_id=organisation.pk,
            legal_form=p.legal_form,
            region_id=regions[p.region],
            founded_year=p.founded,
            employees=p.employees,
            employees_vulnerable=p.vulnerable,
            vulnerable_groups=data.VULNERABLE_GROUPS[p.legal_form],
            impact_statement=p.impact_statement,
            contact_name="Bench contact",
            partner_id=partner.pk,
            verified=p.verified,
            verified_at=p.verified_at,
        )
        for p, organisation, partner in zip(plans, organisations, partners, strict=True)
    ]
    _insert_children(Supplier, suppliers)
    ids = [s.pk for s in suppliers]

    def through_rows(relation, attribute, lookup):
        model = relation.through
        rows = [
            model(supplier_id=pk, **{f"{attribute}_id": lookup[slug]})
            for pk, p in zip(ids, plans, strict=True)
            for slug in getattr(p, relation.field.name)
        ]
        model.objects.bulk_create(rows, batch_size=_batch(model))

    through_rows(Supplier.sectors, "sector", sectors)
    through_rows(Supplier.impact_areas, "impactarea", impact_areas)
    through_rows(Supplier.labels, "label", labels)
    ServedArea.objects.bulk_create(
        [
            ServedArea(supplier_id=pk, country=p.country, region_id=regions[p.region])
            if not p.serves_whole_country
            else ServedArea(supplier_id=pk, country=p.country)
            for pk, p in zip(ids, plans, strict=True)
        ],
        batch_size=_batch(ServedArea),
    )
    NetworkMembership.objects.bulk_create(
        [
            NetworkMembership(
                supplier_id=pk,
                network_id=networks[p.network],
                joined_on=date(max(p.founded, 2015), 3, 1),
                charter_signed_on=date(max(p.founded, 2016), 6, 15) if p.signed_charter else None,
            )
            for pk, p in zip(ids, plans, strict=True)
            if p.network
        ],
        batch_size=_batch(NetworkMembership),
    )

    offers = [(partner.pk, p, product) for p, partner in zip(plans, partners, strict=True) for product in p.products]
    products = Product.objects.bulk_create(
        [
            Product(
                upc=product.upc,
                title=product.title,
                slug=slugify(product.title)[:255],
                structure=Product.STANDALONE,
                product_class_id=product_classes[product.kind],
                description=f"{product.title}, by {p.name} in {p.town}.",
                is_public=True,
            )
            for _, p, product in offers
        ],
        batch_size=_batch(Product),
    )
    ProductCategory.objects.bulk_create(
        [
            ProductCategory(product_id=row.pk, category_id=categories[product.sector])
            for row, (_, _, product) in zip(products, offers, strict=True)
        ],
        batch_size=_batch(ProductCategory),
    )
    StockRecord.objects.bulk_create(
        [
            StockRecord(
                product_id=row.pk,
                partner_id=partner_id,
                partner_sku=product.upc,
                price=product.price,
                price_currency="EUR",
                num_in_stock=product.stock,
            )
            for row, (partner_id, _, product) in zip(products, offers, strict=True)
        ],
        batch_size=_batch(StockRecord),
    )


def _batch(model) -> int:
    """Rows per INSERT: as many as the database's parameter limit allows (SQLite: 999)."""
    fields = model._meta.concrete_fields
    return max(1, min(2000, connection.ops.bulk_batch_size(fields, [None] * 2000)))


def _insert_children(model, objs):
    """Insert the child rows of a multi-table-inheritance model whose parent rows
    exist already (bulk_create refuses such models). This is what Model.save()
    does for the child table, one multi-row INSERT per batch instead of per row;
    fields are prepared by Django (dates, booleans) as in a normal save."""
    fields = model._meta.local_concrete_fields
    size = _batch(model)
    for start in range(0, len(objs), size):
        model._base_manager._insert(objs[start : start + size], fields=fields, using=connection.alias)
