import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import EditorialPage


class ArticleIndexPage(EditorialPage):
    """/news/: the platform's news, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = EditorialPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    max_count = 1
    description_source = "intro"
    page_size = 12

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = selectors.article_page(index=self, number=request.GET.get("page"), size=self.page_size)
        return context


class ArticlePage(EditorialPage):
    """A piece of news: a new network, an event, a change on the platform."""

    date = models.DateField(_("date"), default=datetime.date.today)
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences shown in lists."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = EditorialPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = EditorialPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.ArticleIndexPage"]
    subpage_types = []
    description_source = "intro"
    og_type = "article"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
