"""Editorial content in the reader's language and script.

Serbian is written once, in Cyrillic: Wagtail has one `sr` locale, and a Serbian Latin
(`sr-latn`) reader is served the `sr` pages (Wagtail maps the language variant to its
locale), their text transliterated to Latin as it is rendered (`reader_script`). A
separate sr-latn locale would be a second copy of every page for editors to keep in step,
and the project's rule is that Serbian Latin is only ever derived from Cyrillic
(marketplace.core.translations.to_latin), as the interface's catalogue is. Only the
editors' text goes through the filter: never form values, which must stay as typed.

A page read in a language it is not yet translated into carries `content_lang`, so
that screen readers read its English in English."""

from django import template
from django.utils.html import format_html

from cms.selectors import in_reader_script, reader_content_language

register = template.Library()

# Editors' text (plain or HTML) in the reader's script: Latin for Serbian Latin readers.
register.filter("reader_script", in_reader_script, is_safe=True)


@register.simple_tag
def content_lang(page):
    """` lang="en"` on an element holding `page`'s text when it is not in the reader's language."""
    language = page.locale.language_code
    if language == reader_content_language():
        return ""
    return format_html(' lang="{}"', language)
