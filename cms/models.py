"""Editorial pages, one model per page type (as in wagtail/bakerydemo)."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from marketplace.organisations import selectors as organisation_selectors


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = organisation_selectors.platform_figures()
        context["featured_suppliers"] = organisation_selectors.supplier_featured(limit=6)
        context["latest_case_studies"] = CaseStudyPage.objects.live().public().order_by("-first_published_at")[:3]
        return context


class CaseStudyIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = CaseStudyPage.objects.live().public().child_of(self).order_by("-first_published_at")
        context["page_obj"] = Paginator(stories, 12).get_page(request.GET.get("page"))
        return context


class CaseStudyPage(Page):
    """How a buyer and social enterprises cooperated, and what it changed."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists."))
    buyer = models.ForeignKey(
        "organisations.Buyer",
        verbose_name=_("buyer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    suppliers = ParentalManyToManyField(
        "organisations.Supplier", verbose_name=_("suppliers"), related_name="case_studies", blank=True
    )
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("quote", blocks.BlockQuoteBlock(label=_("Quote"))),
        ],
        verbose_name=_("body"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("buyer"),
        FieldPanel("suppliers"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")


class StandardPage(Page):
    """About, charter, how it works."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
