"""Reads of editorial content: the pages' listings, the home page's sections,
site-wide search, and what other apps show of our stories. Each listing's
queries are decided here, a fixed number whatever the page size.

Pages are read in the reader's language (see "Languages" below): of a page and its
translations, a listing shows the one in the reader's locale, else the English source,
never both."""

import operator
from dataclasses import dataclass, field
from functools import reduce
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from marketplace.core import content
from marketplace.core.translations import to_latin
from marketplace.organisations import selectors as organisation_selectors
from marketplace.organisations.cards import SupplierCard
from marketplace.organisations.models import Network, Sector, Supplier
from search.interface import PAGE_SIZES, SupplierQuery
from search.selectors import supplier_search

from .models import ArticlePage, CaseStudyIndexPage, CaseStudyPage, CaseStudySupplier

# Rendition specs of the lists: prefetched here, rendered by the templates with the same spec.
CARD_IMAGE = "fill-640x360"
PRODUCTS_PER_PARTNER = 3
HOME_SUPPLIERS = 6
HOME_STORIES = 3


# Languages -------------------------------------------------------------------------


def reader_content_language() -> str:
    """The content language of the active language: Serbian Latin readers read the `sr` pages."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def in_reader_script(text: str) -> str:
    """`text` (plain or HTML) in the reader's script: Latin for Serbian Latin readers, who
    are served the Cyrillic `sr` pages (see cms.templatetags.cms_i18n)."""
    if translation.get_language() != content.SERBIAN_LATIN:
        return text
    return to_latin(str(text))


def in_reader_locale(pages):
    """Of each page in `pages` and its translations among them, the one in the reader's
    locale, else the one in the source locale (English): each page once. Pages only
    in other locales are left out. A filter on the queryset, so Wagtail's search can run on it."""
    try:
        reader = Locale.get_active()
        source = Locale.get_default()
    except Locale.DoesNotExist:  # no locale, hence no page: a database emptied by a test's flush
        return pages.none()
    if reader.pk == source.pk:
        return pages.filter(locale=source)
    translated = list(pages.filter(locale=reader).values_list("translation_key", flat=True))
    return pages.filter(Q(locale=reader) | Q(locale=source) & ~Q(translation_key__in=translated))


def in_section(pages, *, index):
    """The children of `index` or of one of its translations."""
    return pages.filter(
        reduce(operator.or_, (pages.child_of_q(page) for page in index.get_translations(inclusive=True)))
    )


def reader_translation(page):
    """The live, public translation of `page` in the reader's locale; None when there is none
    (`page` itself when it is in that locale)."""
    pages = Page.objects.live().public().filter(translation_key=page.translation_key)
    return pages.filter(locale__language_code=reader_content_language()).first()


def page_translations(page, request=None) -> dict[str, str]:
    """{language code: full URL} of `page` and its live, public translations, Serbian Latin
    included (the `sr` page's Latin reading): the alternates of a page in each language
    (hreflang). A language without a translation is left out."""
    urls = {}
    pages = Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale")
    for translated in pages:
        for code, _name in settings.LANGUAGES:
            if get_supported_content_language_variant(code) == translated.locale.language_code:
                with translation.override(code):
                    urls[code] = translated.get_full_url(request)
    return urls


def is_untranslated(page) -> bool:
    """Whether `page` is the source (English) page read in another language, for want of a translation."""
    return page.locale.language_code == settings.LANGUAGE_CODE != reader_content_language()


# Listings ---------------------------------------------------------------------------


def _with_card_relations(stories):
    """What a story card shows (image, buyer, social enterprises, sectors) in a fixed number of queries."""
    return stories.select_related("buyer", "locale").prefetch_related(
        Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)),
        Prefetch("supplier_links", queryset=CaseStudySupplier.objects.select_related("supplier")),
        "sectors",
    )


def published_stories():
    return CaseStudyPage.objects.live().public()


def published_articles():
    return ArticlePage.objects.live().public()


def case_studies_featuring(*, supplier):
    """Published case studies in which the supplier took part, newest first, in the reader's language."""
    return in_reader_locale(published_stories().featuring(supplier)).order_by("-first_published_at")


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
    stories = in_reader_locale(in_section(published_stories(), index=index))
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
    stories = in_section(published_stories(), index=index)
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
    stories = _with_card_relations(in_reader_locale(stories.distinct()).order_by("-first_published_at", "-pk"))
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
        "story_index": story_index(),
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
    """The editors' choice of published stories, else the latest, in the reader's language
    (an editor may have chosen a story in any language: its translation is shown)."""
    chosen = [link.story.translation_key for link in home.featured_stories.select_related("story")]
    stories = _with_card_relations(published_stories())
    if not chosen:
        return list(in_reader_locale(stories).order_by("-first_published_at")[:HOME_STORIES])
    by_key = {story.translation_key: story for story in in_reader_locale(stories.filter(translation_key__in=chosen))}
    return [by_key[key] for key in chosen if key in by_key]


def story_index():
    """The stories' index page in the reader's language (the English one until it is translated)."""
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    index = CaseStudyIndexPage.objects.live().public().filter(locale__language_code=source).first()
    return index.localized if index else None


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
        in_reader_locale(in_section(published_articles(), index=index))
        .select_related("locale")
        .prefetch_related(Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE)))
        .order_by("-date", "-pk")
    )
    return Paginator(articles, size).get_page(number)
