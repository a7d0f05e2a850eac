"""Addresses in the reader's language (marketplace.urls: English unprefixed, /fr/… for the
others) and the alternates that tell search engines where each language's page is."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html_join

from marketplace.core import languages

register = template.Library()


@register.simple_tag
def in_language(path: str) -> str:
    """An editors' page path (/stories/) in the active language (/fr/stories/)."""
    return languages.path_in_language(path)


def alternates(request) -> dict[str, str]:
    """{language: absolute address} of this page in every language of the site, the
    page's own included; {} where the address has no language (the admins, the API)."""
    path = request.get_full_path()
    found = {}
    for code, _name in settings.LANGUAGES:
        translated = translate_url(path, code)
        if translated == path and code != translation.get_language():
            return {}  # not a page of the language-prefixed paths
        found[code] = request.build_absolute_uri(translated)
    return found


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang=…> for every language, and x-default (English)."""
    request = context.get("request")
    if request is None:
        return ""
    found = context.get("language_alternates") or alternates(request)
    if not found:
        return ""
    links = list(found.items())
    if settings.LANGUAGE_CODE in found:
        links.append(("x-default", found[settings.LANGUAGE_CODE]))
    return format_html_join("\n    ", '<link rel="alternate" hreflang="{}" href="{}">', links)
