from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable

from cms.blocks import RICH_TEXT_FEATURES
from marketplace.core.content_cache import cached_content

from .base import EditorialPage


class HomePage(EditorialPage):
    """Hero, live figures, and what editors put forward: social enterprises,
    stories and sectors. Whatever they leave empty falls back to the newest."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = EditorialPage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], _("Hero")),
        FieldPanel("body"),
        MultipleChooserPanel(
            "featured_suppliers",
            chooser_field_name="supplier",
            heading=_("Featured social enterprises"),
            label=_("Social enterprise"),
            max_num=6,
            help_text=_("Empty: the six most recently verified."),
        ),
        InlinePanel(
            "featured_stories",
            heading=_("Featured stories"),
            label=_("Story"),
            max_num=3,
            help_text=_("Empty: the three latest stories."),
        ),
        InlinePanel(
            "sector_links",
            heading=_("Sector entry points"),
            label=_("Sector"),
            max_num=8,
            help_text=_("Empty: every top-level sector with social enterprises."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CaseStudyIndexPage", "cms.ArticleIndexPage", "cms.StandardPage"]
    max_count = 1
    description_source = "hero_text"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(cached_content(f"home:{self.pk}", lambda: selectors.home_sections(home=self)))
        return context

    def route(self, request, path_components):
        """Wagtail routes a language's URLs (/fr/…) in that language's tree; a page not yet
        translated is not there, so the English (source) tree serves it at the same path."""
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.get_translation_or_none(Locale.get_default())
            if source is None or source.pk == self.pk:
                raise
            return source.specific.route(request, path_components)


class HomeFeaturedSupplier(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_suppliers")
    supplier = models.ForeignKey(
        "organisations.Supplier",
        verbose_name=_("social enterprise"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"verified": True},
    )

    panels = [FieldPanel("supplier")]


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("cms.CaseStudyPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]


class HomeSectorLink(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(
        "organisations.Sector", verbose_name=_("sector"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(
        _("text"), max_length=140, blank=True, help_text=_("A line under the sector's name, e.g. what to buy.")
    )

    panels = [FieldPanel("sector"), FieldPanel("text")]
