"""Telling which language an e-mail was written in without reading our own catalogues
(translators are still writing them): by how it writes money and dates (Django's and
Babel's locale data) or by Oscar's and Django's own translated words. For e-mails made
only of our words, the `languages_rendered` fixture (below; tests/conftest.py shares it)
records the language active while each template was rendered."""

from collections import defaultdict

import pytest
from django.test.signals import template_rendered
from django.utils import translation

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
