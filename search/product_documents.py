"""What a product looks like to search: one flat document per product for sale
(public, not a variant, sold by a verified supplier), built the same way for
every backend. A variant's stock and price count for its parent product. Its
texts are in every language they are written in, its card in every language it
can be shown in (search.languages)."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from oscar.core.loading import get_class, get_model

from catalogue.attributes import goods_unit_shown, pricing_unit_shown
from catalogue.cards import ProductCard
from marketplace.core import content
from marketplace.organisations.models import NetworkMembership, Supplier
from marketplace.partner.strategy import supplier_of_stockrecord

from .facets import document_facets
from .interface import ProductQuery, fold
from .languages import distinct, every_language, in_language, translations

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

BATCH_SIZE = 500
# The strategy reads the supplier of a stock record's partner (VAT by country).
STOCK_RECORDS = StockRecord.objects.select_related("partner__supplier").order_by("pk")
CHILDREN = Prefetch(
    "children",
    queryset=Product.objects.filter(is_public=True).prefetch_related(Prefetch("stockrecords", queryset=STOCK_RECORDS)),
)
SOLD_BY_VERIFIED = Q(stockrecords__partner__supplier__verified=True) | Q(
    children__stockrecords__partner__supplier__verified=True
)


@dataclass
class ProductDocument:
    id: int
    title: str  # in the default language: the shop sorts by it
    titles: str  # in every language it is written in
    description: str
    categories: str  # names of its categories and their ancestors
    supplier: str  # its supplier's name
    created: datetime
    price: Decimal | None  # EUR excluding VAT
    facets: dict = field(default_factory=dict)
    card: dict = field(default_factory=dict)  # ProductCard.as_dict()

    @property
    def name(self) -> str:
        return self.titles

    @property
    def body(self) -> str:
        return " ".join(part for part in (self.description, self.categories, self.supplier) if part)

    def entry_fields(self) -> dict:
        """The database index's columns for this product (search.models.ProductEntry)."""
        return {"title_sort": fold(self.title)[:255], "created": self.created, "price": self.price, "card": self.card}


def indexable_products(ids=None):
    """Public products and parent products (never variants) that a verified supplier sells
    (among `ids` when given)."""
    products = Product.objects.filter(is_public=True, parent__isnull=True)
    sold = Product.objects.filter(SOLD_BY_VERIFIED)
    if ids is not None:
        # In the subquery too: SQLite would otherwise list every product sold (90 ms at 100,000) for one.
        products, sold = products.filter(pk__in=ids), sold.filter(pk__in=ids)
    return products.filter(pk__in=sold.values("pk")).order_by("pk")


class CategoryTree:
    """Every category's full slug (its facet value), names (as search.languages.translations
    stores them) and ancestors, from one query."""

    def __init__(self):
        self.nodes = {}  # path -> (full slug, names)
        languages = content.languages()
        columns = [content.column("name", language) for language in languages]
        for path, slug, *names in Category.objects.order_by("path").values_list("path", "slug", *columns):
            parent = self.nodes.get(path[: -Category.steplen])
            written = {language: name for language, name in zip(languages, names, strict=True) if name}
            self.nodes[path] = (f"{parent[0]}/{slug}" if parent else slug, translations(written))

    def lineage(self, category) -> list[tuple[str, dict]]:
        """(full slug, names) of the category and of each of its ancestors, root first."""
        steps = range(Category.steplen, len(category.path) + 1, Category.steplen)
        return [self.nodes[category.path[:end]] for end in steps if category.path[:end] in self.nodes]

    def vocabulary(self) -> dict:
        """full slug -> (name in the active language, parent's full slug): the category facet's values."""
        vocabulary = {}
        language = get_language()
        for path, (full_slug, names) in self.nodes.items():
            parent = self.nodes.get(path[: -Category.steplen])
            vocabulary[full_slug] = (in_language(names, language), parent[0] if parent else "")
        return vocabulary


def product_documents(ids=None, *, batch_size=BATCH_SIZE):
    """Documents for the products for sale among `ids` (all when None), in
    batches, so that a full rebuild runs in constant memory."""
    products = indexable_products(ids)
    tree = CategoryTree()
    strategy = Selector().strategy()
    last_pk = 0
    while True:
        batch = list(
            products.filter(pk__gt=last_pk)
            .select_related("product_class")
            .prefetch_related("categories", "images", Prefetch("stockrecords", queryset=STOCK_RECORDS))
            .prefetch_attribute_values()[:batch_size]
        )
        if not batch:
            return
        # Only products sold in variants have children to read: a query fewer when none is.
        prefetch_related_objects([product for product in batch if product.is_parent], CHILDREN)
        sellers = _sellers(batch)
        for product in batch:
            document = _document(product, sellers, tree, strategy)
            if document:
                yield document
        if len(batch) < batch_size:  # the last batch: asking for the next would read nothing
            return
        last_pk = batch[-1].pk


def _offers(product):
    """(product or variant, stock record) pairs that sell it."""
    if product.is_parent:
        return [(child, record) for child in product.children.all() for record in child.stockrecords.all()]
    return [(product, record) for record in product.stockrecords.all()]


def _sellers(products) -> dict:
    """Verified suppliers by partner id, with what product facets need. The stock records
    brought their suppliers along (STOCK_RECORDS): only their relations are read."""
    suppliers = {}
    for product in products:
        for _item, record in _offers(product):
            supplier = supplier_of_stockrecord(record)
            if supplier is not None and supplier.verified:
                suppliers.setdefault(supplier.partner_id, supplier)
    prefetch_related_objects(
        list(suppliers.values()),
        "impact_areas",
        Prefetch("network_memberships", queryset=NetworkMembership.objects.select_related("network")),
    )
    return suppliers


def _attributes(product) -> dict:
    return {value.attribute.code: value.value for value in product.get_attribute_values()}


@dataclass
class ProductFacts:
    """What a product's facets are read from (search.facets), gathered once per document."""

    supplier: Supplier  # the seller of its cheapest offer
    memberships: list  # the supplier's
    categories: list  # full slugs of its categories and their ancestors
    kind: str  # its product class: "goods" or "service"
    in_stock: bool


def _document(product, sellers, tree, strategy) -> ProductDocument | None:
    offers = [(item, record) for item, record in _offers(product) if record.partner_id in sellers]
    if not offers:
        return None
    # The cheapest offer is the one shown ("from" for a product with variants).
    item, record = min(offers, key=lambda offer: (offer[1].price is None, offer[1].price or 0, offer[1].pk))
    supplier = sellers[record.partner_id]
    track_stock = product.product_class.track_stock if product.product_class_id else True
    in_stock = not track_stock or any((r.net_stock_level or 0) > 0 for _item, r in offers)
    attributes = _attributes(product)
    price = strategy.pricing_policy(item, record)
    lineages = [tree.lineage(category) for category in product.categories.all()]
    category_values = sorted({slug for lineage in lineages for slug, _names in lineage})
    category_names = distinct(name for lineage in lineages for _slug, names in lineage for name in names.values())
    kind = product.product_class.slug if product.product_class_id else ""
    images = list(product.images.all())
    excl_tax = price.excl_tax if price.exists else None
    titles = translations(content.texts(product, "title"))
    card = ProductCard(
        id=product.pk,
        slug=product.slug,
        title=titles,
        kind=kind,
        image=images[0].original.url if images else "",
        category=lineages[0][-1][1] if lineages and lineages[0] else "",
        unit=_unit(attributes),
        excl_tax=_text(excl_tax),
        incl_tax=_text(price.incl_tax) if excl_tax is not None and price.is_tax_known else None,
        tax_rate=_text(getattr(price, "tax_rate", None)) if excl_tax is not None else None,
        currency=price.currency or record.price_currency,
        in_stock=in_stock,
        on_quote_only=bool(attributes.get("on_quote_only")),
        supplier_name=supplier.name,
        supplier_slug=supplier.slug,
        supplier_country=supplier.country.code,
        titles=content.texts(product, "title"),
        language=supplier.language,
    )
    return ProductDocument(
        id=product.pk,
        title=in_language(titles, settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
        titles=" ".join(every_language([product], "title")),
        description=" ".join(strip_tags(text) for text in every_language([product], "description")),
        categories=" ".join(category_names),
        supplier=supplier.name,
        created=product.date_created,
        price=excl_tax,
        facets=document_facets(
            ProductQuery.facets,
            ProductFacts(
                supplier=supplier,
                memberships=list(supplier.network_memberships.all()),
                categories=category_values,
                kind=kind,
                in_stock=in_stock,
            ),
        ),
        card=card.as_dict(),
    )


def _unit(attributes) -> str | dict:
    """What one price buys, in every language: a service's pricing unit ("per day") or
    "per <unit of sale>", a suggested unit by its word in each language."""
    pricing_unit = attributes.get("pricing_unit")
    if pricing_unit:
        return _pricing_unit(pricing_unit)
    unit = attributes.get("unit")
    return _per_unit(str(unit)) if unit else ""


# A few units, many products: each unit's texts are made once.
@cache
def _pricing_unit(option) -> dict:
    return _in_every_language(lambda: pricing_unit_shown(option))


@cache
def _per_unit(unit: str) -> dict:
    return _in_every_language(lambda: gettext("per %(unit)s") % {"unit": goods_unit_shown(unit)})


def _in_every_language(text) -> dict:
    texts = {}
    for language in content.languages():
        with translation.override(language):
            texts[language] = text()
    return translations(texts)


def _text(value) -> str | None:
    return None if value is None else str(value)
