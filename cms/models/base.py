from django.conf import settings
from django.db import models
from django.urls import reverse
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

    def get_url_parts(self, request=None):
        """An English (source) page read in another language keeps the reader's language
        prefix (/fr/stories/…): Wagtail serves its translation there once there is one, the
        English page with a notice until then, and the reader's interface stays in their
        language either way. Wagtail itself would link it unprefixed, in English."""
        from cms.selectors import reader_content_language

        parts = super().get_url_parts(request)
        if parts is None or parts[2] is None:
            return parts
        site_root = self._get_relevant_site_root_paths(request)[0]
        if site_root.language_code != settings.LANGUAGE_CODE or reader_content_language() == settings.LANGUAGE_CODE:
            return parts
        page_path = reverse("wagtail_serve", args=(self.url_path[len(site_root.root_path) :],))
        return parts[0], parts[1], page_path

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import is_untranslated, page_translations

        context = super().get_context(request, *args, **kwargs)
        context["untranslated"] = is_untranslated(self)
        # Search engines learn of the translations that exist (base.html's hreflang links),
        # not of the English page repeated under every prefix.
        context["language_alternates"] = page_translations(self, request)
        return context
