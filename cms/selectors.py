"""Reads of editorial content: the pages' listings, the home page's sections,
site-wide search, and what other apps show of our stories. Each listing's
queries are decided here, a fixed number whatever the page size."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.images import get_image_model

from marketplace.organisations import selectors as organisation_selectors
from marketplace.organisations.cards import SupplierCard
from marketplace.organisations.models import Network, Sector, Supplier
from search.interface import PAGE_SIZES, SupplierQuery
from search.selectors import supplier_search

from .models import ArticlePage, CaseStudyPage, CaseStudySupplier

# Rendition specs of the lists: prefetched here, rendered by the templates with the same spec.
CARD_IMAGE = "fill-640x360"
PRODUCTS_PER_PARTNER = 3
HOME_SUPPLIERS = 6
HOME_STORIES = 3


def _with_card_relations(stories):
    """What a story card shows (image, buyer, social enterprises, sectors) in a fixed number of queries."""
    return stories.select_related("buyer").prefetch_related(
        Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)),
        Prefetch("supplier_links", queryset=CaseStudySupplier.objects.select_related("supplier")),
        "sectors",
    )


def published_stories():
    return CaseStudyPage.objects.live().public()


def published_articles():
    return ArticlePage.objects.live().public()


def case_studies_featuring(*, supplier):
    """Published case studies in which the supplier took part, newest first."""
    return published_stories().featuring(supplier).order_by("-first_published_at")


# The story index ------------------------------------------------------------------


# URL parameter, label, the choice that clears it, the noun in a notice, CaseStudyQuerySet method.
STORY_FILTERS = [
    ("sector", gettext_lazy("Sector"), gettext_lazy("Every sector"), gettext_lazy("sector"), "in_sector"),
    ("country", gettext_lazy("Country"), gettext_lazy("Every country"), gettext_lazy("country"), "in_country"),
    ("network", gettext_lazy("Network"), gettext_lazy("Every network"), gettext_lazy("network"), "in_network"),
]


@dataclass
class StoryFilter:
    name: str
    label: str
    every_label: str
    options: list  # [(value, label)] of the values some published story has
    selected: str = ""


@dataclass
class StoryListing:
    page: PaginatorPage
    filters: list  # of StoryFilter, in STORY_FILTERS order
    notices: list = field(default_factory=list)

    @property
    def query_string(self) -> str:
        """The filters as URL parameters, for the pagination links."""
        return urlencode({f.name: f.selected for f in self.filters if f.selected})

    @property
    def is_filtered(self) -> bool:
        return any(f.selected for f in self.filters)


def story_filter_options(*, index) -> dict:
    """The sectors (with their parents), countries and networks of the published stories."""
    stories = published_stories().child_of(index)
    sector_ids = stories.values("sectors")
    sectors = Sector.objects.filter(pk__in=sector_ids) | Sector.objects.filter(children__in=sector_ids)
    codes = {country.code for story in stories.only("countries") for country in story.countries}
    networks = Network.objects.filter(memberships__supplier__case_study_links__page__in=stories).distinct()
    sectors = sorted(sectors.select_related("parent").distinct(), key=str)  # a parent, then its sub-sectors
    return {
        "sector": [(sector.slug, str(sector)) for sector in sectors],
        "country": sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1]),
        "network": list(networks.order_by("name").values_list("slug", "name")),
    }


def story_listing(*, index, params, page_size: int) -> StoryListing:
    """The published stories under the index, filtered by the URL's sector, country
    and network. A value no story has is dropped with a notice rather than an
    error page: it usually comes from an old link."""
    options = story_filter_options(index=index)
    stories = published_stories().child_of(index)
    filters, notices = [], []
    for name, label, every_label, noun, method in STORY_FILTERS:
        value = (params.get(name) or "").strip()
        if value and value not in dict(options[name]):
            notices.append(
                _("No story has the %(filter)s “%(value)s”: showing stories of every %(filter)s.")
                % {"filter": noun, "value": value[:40]}
            )
            value = ""
        if value:
            stories = getattr(stories, method)(value)
        filters.append(StoryFilter(name, label, every_label, options[name], value))
    stories = _with_card_relations(stories.distinct().order_by("-first_published_at", "-pk"))
    page = Paginator(stories, page_size).get_page(params.get("page"))
    return StoryListing(page=page, filters=filters, notices=notices)


# A story's page ---------------------------------------------------------------------


@dataclass
class StoryPartner:
    supplier: Supplier
    products: list  # a few of its products in the shop; none when its profile is not public (not verified)


def story_partners(*, story) -> list[StoryPartner]:
    """The story's social enterprises with a few of their products: a story links to
    their profiles and their shop. A supplier no longer verified is named, not linked."""
    return [
        StoryPartner(
            supplier=supplier,
            products=(
                list(organisation_selectors.supplier_products(supplier=supplier, limit=PRODUCTS_PER_PARTNER))
                if supplier.verified
                else []
            ),
        )
        for supplier in story.suppliers
    ]


# The home page -------------------------------------------------------------------------


@dataclass
class SectorEntry:
    slug: str
    name: str
    count: int  # verified social enterprises, sub-sectors included
    text: str = ""

    @property
    def url(self) -> str:
        return reverse("organisations:supplier-list") + "?" + urlencode({"sector": self.slug})


def home_sections(*, home) -> dict:
    return {
        "figures": organisation_selectors.platform_figures(),
        "featured_suppliers": home_featured_suppliers(home=home),
        "latest_case_studies": home_stories(home=home),
        "sector_entries": home_sector_entries(home=home),
    }


def home_featured_suppliers(*, home) -> list[SupplierCard]:
    """The editors' choice in their order (verified ones only), else the most recently verified."""
    chosen = [link.supplier_id for link in home.featured_suppliers.all()]
    if not chosen:
        return organisation_selectors.supplier_featured(limit=HOME_SUPPLIERS)
    suppliers = {s.pk: s for s in organisation_selectors.supplier_public_list().filter(pk__in=chosen)}
    return [SupplierCard.from_supplier(suppliers[pk]) for pk in chosen if pk in suppliers]


def home_stories(*, home) -> list:
    """The editors' choice of published stories, else the latest."""
    chosen = [link.story_id for link in home.featured_stories.all()]
    stories = _with_card_relations(published_stories())
    if not chosen:
        return list(stories.order_by("-first_published_at")[:HOME_STORIES])
    by_id = {story.pk: story for story in stories.filter(pk__in=chosen)}
    return [by_id[pk] for pk in chosen if pk in by_id]


def home_sector_entries(*, home) -> list[SectorEntry]:
    """Sectors with their count of verified social enterprises, as the directory
    counts them (the search interface's sector facet, sub-sectors included)."""
    counts = {facet.value: facet for facet in supplier_search(SupplierQuery(page_size=PAGE_SIZES[0])).facets["sector"]}
    links = list(home.sector_links.select_related("sector"))
    if links:
        return [
            SectorEntry(
                slug=link.sector.slug,
                name=link.sector.name,
                count=counts[link.sector.slug].count if link.sector.slug in counts else 0,
                text=link.text,
            )
            for link in links
        ]
    return [SectorEntry(slug=c.value, name=c.label, count=c.count) for c in counts.values() if not c.parent]


# News -------------------------------------------------------------------------------


def article_page(*, index, number, size: int) -> PaginatorPage:
    articles = (
        published_articles()
        .child_of(index)
        .prefetch_related(Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)))
        .order_by("-date", "-pk")
    )
    return Paginator(articles, size).get_page(number)
