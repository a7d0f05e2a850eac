"""The one sanitiser for rich text that users write (product and category descriptions):
every such text is cleaned with nh3 on the way in (forms, spreadsheet import, admin)
and rendered only through the `clean_richtext` template filter ({% load richtext %}), which cleans it again, so a
text stored before this existed, or written by a path we missed, cannot run script.

The allow-list is what the dashboard's editor produces and a description needs:
paragraphs, line breaks, emphasis, lists, sub-headings, quotes and links. Links keep
only http, https and mailto URLs and open with rel="noopener nofollow". Everything else
(script, style, iframe, svg, images, on* and style attributes, classes) is dropped; the
text inside a dropped harmless tag stays, the content of script and style does not."""

import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean(html: str | None) -> str:
    """The text with only the allowed tags, attributes and URLs left."""
    if not html:
        return ""
    return nh3.clean(
        str(html),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
        strip_comments=True,
    )


def render(html: str | None) -> SafeString:
    """Cleaned text, safe to put in a page (the only place rich text is marked safe)."""
    return mark_safe(clean(html))  # cleaned by the allow-list just above
