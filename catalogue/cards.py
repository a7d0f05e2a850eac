"""A product as a card in a list (shop search, category pages, API): the few
fields a list shows, small enough to be stored in the search index and shown
without loading the product, its stock record and its supplier."""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

KIND_LABELS = {"goods": _("Goods"), "service": _("Service")}


def kind_name(product_class) -> str:
    """A product class ("Goods", "Service": rows of the database, in English) by its name
    in the reader's language."""
    if not product_class:
        return ""
    return str(KIND_LABELS.get(product_class.slug, product_class.name))


@dataclass(frozen=True)
class ProductCard:
    id: int
    slug: str
    title: str
    kind: str  # "goods" or "service"
    image: str  # URL of the primary image, "" without one
    category: str  # name of its (first) category
    unit: str  # what one price buys, e.g. "box of 12" or "per day"; "" when unknown
    excl_tax: str | None  # Decimal as text; None when it has no price
    incl_tax: str | None
    tax_rate: str | None  # percent
    currency: str
    in_stock: bool
    on_quote_only: bool
    supplier_name: str
    supplier_slug: str
    supplier_country: str
    titles: dict = field(default_factory=dict)  # {language: title} of each language it is written in
    language: str = ""  # its supplier's own (Organisation.language)

    @classmethod
    def from_dict(cls, data: dict) -> "ProductCard":
        return cls(**data)

    def as_dict(self) -> dict:
        return asdict(self)

    def texts(self, name: str) -> dict:
        """{language: text} of the product's title (marketplace.core.content.written); a card
        indexed with one title only has it in the reader's language."""
        return {"title": self.titles or {translation.get_language(): self.title}}[name]

    @property
    def pk(self) -> int:
        return self.id

    def get_absolute_url(self) -> str:
        return reverse("catalogue:detail", kwargs={"product_slug": self.slug, "pk": self.id})

    def get_supplier_url(self) -> str:
        return reverse("organisations:supplier-detail", kwargs={"slug": self.supplier_slug})

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def supplier_country_name(self) -> str:
        return countries.name(self.supplier_country)

    @property
    def price(self) -> Decimal | None:
        return Decimal(self.excl_tax) if self.excl_tax is not None else None

    @property
    def price_incl_tax(self) -> Decimal | None:
        return Decimal(self.incl_tax) if self.incl_tax is not None else None

    @property
    def vat_rate(self) -> Decimal | None:
        return Decimal(self.tax_rate) if self.tax_rate is not None else None
