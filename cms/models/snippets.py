from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from marketplace.core import languages


class CallToAction(TranslatableMixin, index.Indexed, models.Model):
    """A reusable invitation ("Register your social enterprise", "Tell us your need")
    placed in the body of any page; editing it here changes it everywhere. Translated like
    the pages (wagtail-localize); a page shows the reader's translation of it (`localized`)."""

    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), blank=True)
    button_label = models.CharField(_("button label"), max_length=60)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        _("or link to an address"),
        max_length=255,
        blank=True,
        help_text=_("A path on this site such as /join/social-enterprise/, or a full address."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("button_label"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.SearchField("text")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Link to a page or to an address: one of the two."))
        if self.link_url and not self.link_url.startswith(("/", "https://", "http://", "mailto:")):
            raise ValidationError({"link_url": _("Start the address with /, https:// or mailto:.")})

    @property
    def url(self) -> str:
        # A page deleted after being chosen leaves no link, not a broken one.
        if self.link_page_id:
            return self.link_page.url or ""
        # A path of this site opens in the reader's language (/join/ -> /fr/join/).
        return languages.path_in_language(self.link_url)
