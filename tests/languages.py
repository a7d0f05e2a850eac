"""Telling which language an e-mail was written in without reading our own catalogues
(translators are still writing them): by how it writes money and dates (Django's and
Babel's locale data) or by Oscar's and Django's own translated words. For e-mails made
only of our words, the `languages_rendered` fixture (below; tests/conftest.py shares it)
records the language active while each template was rendered."""

from collections import defaultdict
from functools import cache

import polib
import pytest
from bs4 import BeautifulSoup
from django.test.signals import template_rendered
from django.utils import translation

from marketplace.core import translations

# Money in each language (Babel): 1,080.00 EUR.
MONEY_1080 = {"en": "€1,080.00", "fr": "1 080,00 €", "de": "1.080,00 €"}


def spaces_plain(text: str) -> str:
    """Babel's and Django's no-break spaces (French "1 080,00 €") as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def languages_rendered():
    """{template name: [the language active while it was rendered, …]}."""
    rendered = defaultdict(list)

    def record(sender, template, context, **kwargs):
        rendered[template.name].append(translation.get_language())

    template_rendered.connect(record)
    yield rendered
    template_rendered.disconnect(record)


@cache
def committed(locale: str) -> polib.POFile:
    """A catalogue as committed (sr_Latn: as built), read once per test run."""
    return polib.pofile(str(translations.catalogue_path(locale)))


def visible_texts(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return {" ".join(text.split()) for text in soup.stripped_strings}


def still_english(english_html: str, shown_html: str, language: str) -> list[str]:
    """Our interface strings (the catalogue's English sources) that a page shows in English
    and still shows when rendered in `language`: what its readers would meet untranslated.
    Words that are the same in both languages ("Stripe", "Total" in French) may stay."""
    catalogue = committed(language.replace("-latn", "_Latn"))
    same_words = {entry.msgid for entry in catalogue if entry.msgstr == entry.msgid}
    return sorted((strings_of_ours(english_html) & visible_texts(shown_html)) - same_words)


def strings_of_ours(html: str) -> set[str]:
    """The catalogue's English sources (whole texts, without placeholders or tags) that `html` shows."""
    ours = {entry.msgid for entry in committed("fr") if entry.msgid and not {"%", "<"} & set(entry.msgid)}
    return visible_texts(html) & ours
