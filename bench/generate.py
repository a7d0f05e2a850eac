"""Deterministic scale data for the search benchmark: N suppliers (10,000 by
default) drawn from the demo vocabularies (sectors, impact areas, labels,
regions, networks in marketplace/demo/data.py), and 10 products per supplier
(100,000 by default), sold by ~60 % of them, without images.

Products: Oscar products of class `goods` or `service`, each in the category of
one of its supplier's sectors (an Oscar category tree mirroring the two-level
sector taxonomy, as marketplace/demo does), with one EUR stock record of the
supplier's partner. Their number per selling supplier is skewed (log-normal
weights: a few sell hundreds, many a handful); titles and descriptions mix the
demo offers with French, German, Dutch and Serbian words, accents included, so
that text queries hit. About 3 % are not public, 15 % of goods are out of stock.

Two steps, so that tests and the query builder can use the plan without a database:
- `plan_suppliers(count, seed, products=...)` makes every random draw, in a
  fixed order, from seeded `random.Random`s (one for suppliers, one for
  products): same seed, same suppliers, same products, same facet values.
- `generate(count, seed, products=...)` writes the plan with bulk inserts in
  one transaction (`services.supplier_create` per supplier and `Product.save`
  per product would take many minutes), then rebuilds the search index once.

Indexing happens once: bulk inserts send no model signals, so nothing is
scheduled for reindexing on commit (checked below); `search.services.index_rebuild`
then indexes suppliers and products in one pass each, and its duration is
reported apart."""

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from oscar.core.utils import slugify as oscar_slugify

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
from search.facets import CHARTER_PREFIX, served_places

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

SEED = 2026
DEFAULT_SUPPLIERS = 10_000
PRODUCTS_PER_SUPPLIER = 10  # the default number of products is 10 × suppliers
UPC_PREFIX = "BENCH"
VERIFIED_SHARE = 0.9
SELLING_SHARE = 0.6
NETWORK_SHARE = 0.4
FIRST_VERIFICATION = datetime(2020, 1, 1, tzinfo=UTC)
VERIFICATION_SPAN_MINUTES = 6 * 365 * 24 * 60
PRODUCT_SKEW = 1.1  # sigma of the log-normal weight of each seller's share of the products
PUBLIC_SHARE = 0.97
OUT_OF_STOCK_SHARE = 0.15  # of goods; services always have capacity
MAIN_SECTOR_SHARE = 0.7  # of a seller's products are in its main sector
FIRST_LISTING = datetime(2021, 1, 1, tzinfo=UTC)
LISTING_SPAN_MINUTES = 5 * 365 * 24 * 60

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

# What product titles add to a demo offer (data.PRODUCTS): "Reused office desk – fait main, Mehrweg".
QUALIFIERS = (
    "réemploi", "fait main", "solidaire", "bio", "circulaire", "de saison", "zéro déchet", "éco-conçu",
    "sur mesure", "petite série", "à la carte", "économique", "Handarbeit", "regional", "nachhaltig",
    "Großpackung", "Mehrweg", "Qualität", "Spezialität", "Frühjahr", "duurzaam", "lokaal", "ambachtelijk",
    "gerecycled", "seizoensgebonden", "ekološki", "domaći", "ručni rad", "reciklirano", "premium", "express",
    "compact", "deluxe",
)  # fmt: skip
DELIVERY = (
    "livraison sous 48 h", "retrait sur place possible", "Lieferung innerhalb einer Woche", "Abholung möglich",
    "levering binnen twee dagen", "ophalen mogelijk", "isporuka za tri dana", "delivered in reusable crates",
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


CATEGORY_OF = {
    child: f"{oscar_slugify(parent_name)}/{oscar_slugify(child_name)}"
    for parent_name, _, children in data.SECTORS
    for child_name, child in children
}  # sub-sector slug -> the full slug of its category (Category.full_slug)
PARENT_CATEGORY_OF = {child: path.split("/")[0] for child, path in CATEGORY_OF.items()}


@dataclass(frozen=True)
class PlannedProduct:
    upc: str
    title: str
    description: str
    kind: str  # "goods" or "service"
    sector: str  # sub-sector slug: the product's category
    price: Decimal
    stock: int
    public: bool
    created: datetime

    @property
    def category(self) -> str:
        return CATEGORY_OF[self.sector]


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
    latitude: float = 0.0  # near its town's centre (marketplace.demo.data.demo_location)
    longitude: float = 0.0
    sells: bool = False  # drawn with the supplier; its products are planned afterwards
    products: tuple = field(default=())

    @property
    def facets(self) -> dict:
        """The facet values the search index holds for this supplier (as in search.documents)."""
        labels = list(self.labels) + ([CHARTER_PREFIX + self.network] if self.signed_charter else [])
        return {
            "sector": sorted(set(self.sectors) | {PARENT_OF[s] for s in self.sectors}),
            "country": [self.country],
            "region": [self.region],
            "serves": served_places(
                [(self.country, "")] if self.serves_whole_country else [(self.country, self.region)],
                {self.country: [slug for slug, _towns in REGIONS_OF[self.country]]},
            ),
            "impact": sorted(self.impact_areas),
            "label": sorted(labels),
            "legal_form": [self.legal_form],
            "network": [self.network] if self.network else [],
            "sells_online": ["yes" if any(p.public for p in self.products) else "no"],
            "reserved": [],  # no generated supplier declares a legal status (verification claims)
        }

    def product_facets(self, product: PlannedProduct) -> dict:
        """The facet values the product index holds for one of this supplier's products."""
        return {
            "category": sorted({product.category, PARENT_CATEGORY_OF[product.sector]}),
            "kind": [product.kind],
            "country": [self.country],
            "impact": sorted(self.impact_areas),
            "network": [self.network] if self.network else [],
            "in_stock": ["yes" if product.stock > 0 else "no"],
        }

    @property
    def searchable_products(self) -> list:
        """The products a product search can find: public ones of a verified supplier."""
        return [p for p in self.products if p.public] if self.verified else []


def plan_suppliers(count: int = DEFAULT_SUPPLIERS, seed: int = SEED, products: int | None = None) -> list:
    """Every random draw, in a fixed order, from generators seeded with `seed`:
    suppliers first, then `products` products (10 per supplier by default)
    shared among the sellers. The suppliers do not depend on `products`."""
    rng = random.Random(seed)
    plans = [_plan_one(rng, index) for index in range(count)]
    total = PRODUCTS_PER_SUPPLIER * count if products is None else products
    return _plan_products(plans, total, random.Random(f"products-{seed}"))


def _plan_products(plans, total: int, rng: random.Random) -> list:
    sellers = [p.index for p in plans if p.sells]
    if not sellers or total <= 0:
        return plans
    sellers = sellers[:total]  # at least one product each
    weights = [rng.lognormvariate(0, PRODUCT_SKEW) for _ in sellers]
    counts = dict.fromkeys(sellers, 1)
    for index in rng.choices(sellers, weights=weights, k=total - len(sellers)):
        counts[index] += 1
    planned = list(plans)
    for index in sellers:
        plan = plans[index]
        products = tuple(_plan_product(rng, plan, n) for n in range(counts[index]))
        planned[index] = replace(plan, products=products)
    return planned


def _plan_product(rng: random.Random, plan: PlannedSupplier, n: int) -> PlannedProduct:
    sector = plan.sectors[0] if rng.random() < MAIN_SECTOR_SHARE else rng.choice(plan.sectors)
    title, kind, unit, base_price = rng.choice(data.PRODUCTS[sector])
    form = rng.random()
    if form < 0.45:
        title = f"{title} – {rng.choice(QUALIFIERS)}"
    elif form < 0.65:
        first, second = rng.sample(QUALIFIERS, 2)
        title = f"{title} – {first}, {second}"
    words = ", ".join(rng.sample(VOCABULARY, rng.randint(2, 4)))
    description = (
        f"{title}. {words[0].upper()}{words[1:]}. Sold per {unit}, {rng.choice(DELIVERY)}; made by a social "
        f"enterprise that employs {plan.vulnerable} people far from work."
    )
    price = Decimal(base_price) * Decimal(rng.randint(60, 180)) / 100
    if kind == "goods":
        stock = 0 if rng.random() < OUT_OF_STOCK_SHARE else int(rng.paretovariate(1.2) * 5)
    else:
        stock = rng.randint(10, 500)  # capacity: services never show as out of stock
    return PlannedProduct(
        upc=f"{UPC_PREFIX}-{plan.index + 1:06d}-{n + 1}",
        title=title,
        description=description,
        kind=kind,
        sector=sector,
        price=price.quantize(Decimal("0.01")),
        stock=min(stock, 5000),
        public=rng.random() < PUBLIC_SHARE,
        created=FIRST_LISTING + timedelta(minutes=rng.randrange(LISTING_SPAN_MINUTES)),
    )


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
    sells = rng.random() < SELLING_SHARE
    # Not drawn: the same suppliers as before coordinates existed, each within ~3 km of its town.
    latitude, longitude = data.demo_location(town, index % 50)
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
        latitude=latitude,
        longitude=longitude,
        sells=sells,
    )


@dataclass
class GenerationReport:
    suppliers: int
    verified: int
    products: int
    searchable_products: int  # public products of verified suppliers
    categories: int
    network_memberships: int
    generate_seconds: float
    index_seconds: float | None  # None when indexing was skipped
    indexed: dict | None  # index ("suppliers", "products") -> documents indexed
    scheduled_reindex_ids: int  # ids the index-sync signals scheduled (expected 0)


def generate(
    count: int = DEFAULT_SUPPLIERS, seed: int = SEED, *, products: int | None = None, index: bool = True, plans=None
) -> tuple[list, GenerationReport]:
    """Write `count` planned suppliers and their `products` (or the given
    `plans`) and, with `index`, rebuild the search indexes. Returns the plans
    and timings."""
    plans = plans if plans is not None else plan_suppliers(count, seed, products)
    if Organisation.objects.filter(slug__in=[p.slug for p in plans[:50]]).exists():
        raise RuntimeError("This database already holds generated suppliers: generate into an empty one.")
    pending_before = _pending_reindex()
    started = time.perf_counter()
    with transaction.atomic():
        _write(plans)
    generate_seconds = time.perf_counter() - started
    # Bulk inserts send no signals, so no reindex should be waiting; whatever
    # is (a future signal) is covered by the rebuild below, so it is dropped.
    scheduled = _pending_reindex() - pending_before
    for index, pk in scheduled:
        search_services.pending_reindex()[index].discard(pk)
    index_seconds = indexed = None
    if index:
        started = time.perf_counter()
        indexed = search_services.index_rebuild()
        index_seconds = time.perf_counter() - started
    return plans, GenerationReport(
        suppliers=len(plans),
        verified=sum(p.verified for p in plans),
        products=sum(len(p.products) for p in plans),
        searchable_products=sum(len(p.searchable_products) for p in plans),
        categories=Category.objects.count(),
        network_memberships=sum(bool(p.network) for p in plans),
        generate_seconds=generate_seconds,
        index_seconds=index_seconds,
        indexed=indexed,
        scheduled_reindex_ids=len(scheduled),
    )


def _pending_reindex() -> set:
    """(index, id) pairs that the index-sync signals will reindex after commit."""
    return {(index, pk) for index, ids in search_services.pending_reindex().items() for pk in ids}


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
    categories = {slug: _category(slug, name) for slug, name in SECTOR_NAMES.items()}
    wrong = {slug: c.full_slug for slug, c in categories.items() if c.full_slug != CATEGORY_OF[slug]}
    if wrong:  # the queries use CATEGORY_OF: they would find nothing
        raise RuntimeError(f"Categories with unexpected full slugs: {wrong}")
    categories = {slug: category.pk for slug, category in categories.items()}
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
            latitude=p.latitude,
            longitude=p.longitude,
            location_source=Supplier.LocationSource.GEOCODED,
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
    slugs = {}
    with _keeping_date_created():
        products = Product.objects.bulk_create(
            [
                Product(
                    upc=product.upc,
                    title=product.title,
                    slug=slugs.get(product.title) or slugs.setdefault(product.title, slugify(product.title)[:255]),
                    structure=Product.STANDALONE,
                    product_class_id=product_classes[product.kind],
                    description=product.description,
                    is_public=product.public,
                    date_created=product.created,
                )
                for _, _, product in offers
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


def _category(slug: str, name: str):
    """The shop category of a sub-sector: the catalogue's own (linked to the
    sector) when the catalogue fork provides it, else by name like the demo."""
    try:
        from catalogue.services import category_for_sector
    except ImportError:
        return create_from_breadcrumbs(f"{Sector.objects.get(slug=PARENT_OF[slug]).name} > {name}")
    return category_for_sector(Sector.objects.select_related("parent").get(slug=slug))


@contextmanager
def _keeping_date_created():
    """Let bulk_create write the planned Product.date_created (auto_now_add
    would set them all to now, and "newest" would sort nothing)."""
    field = Product._meta.get_field("date_created")
    field.auto_now_add, before = False, field.auto_now_add
    try:
        yield
    finally:
        field.auto_now_add = before


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
