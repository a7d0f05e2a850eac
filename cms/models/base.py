from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string
from wagtail.models import Page

META_DESCRIPTION_LENGTH = 160


class EditorialPage(Page):
    """What every page of ours shares: a hero image, and the title, description and
    image it gives search engines and link previews (Open Graph)."""

    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and when the page is shared."),
    )

    # The field that describes the page when the editor wrote no meta description.
    description_source = ""
    og_type = "website"

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        text = self.search_description or strip_tags(str(getattr(self, self.description_source, "") or ""))
        return Truncator(" ".join(text.split())).chars(META_DESCRIPTION_LENGTH)
