"""Texts written in several languages (marketplace.core.content): what a reader of each
language sees, and the Serbian Latin column that follows the Cyrillic one."""

import pytest
from django.utils import translation

from marketplace.core import content
from tests.factories import SectorFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def test_a_reader_sees_the_text_of_their_language():
    sector = SectorFactory(name_en="Cleaning", name_fr="Nettoyage", name_de="Reinigung")
    for language, expected in (("en", "Cleaning"), ("fr", "Nettoyage"), ("de", "Reinigung")):
        with translation.override(language):
            assert str(sector) == expected


@pytest.mark.parametrize("language", ["nl", "sr", "sr-latn"])
def test_a_text_missing_in_the_readers_language_shows_in_english(language):
    sector = SectorFactory(name_en="Cleaning", name_fr="Nettoyage")
    with translation.override(language):
        assert sector.name == "Cleaning"


def test_a_text_written_only_in_french_still_shows_in_english():
    sector = SectorFactory(name_en="", name_fr="Nettoyage")
    with translation.override("en"):
        assert sector.name == "Nettoyage"


def test_serbian_latin_is_the_transliteration_of_the_cyrillic_text_on_every_save():
    supplier = SupplierFactory(impact_statement_sr="Запошљавамо људе са инвалидитетом у Нишу.")
    supplier.refresh_from_db()
    assert supplier.impact_statement_sr_latn == "Zapošljavamo ljude sa invaliditetom u Nišu."

    supplier.impact_statement_sr = "Џем од шљива."
    supplier.impact_statement_sr_latn = "Written by hand"
    supplier.save()
    supplier.refresh_from_db()
    with translation.override("sr-latn"):
        assert supplier.impact_statement == "Džem od šljiva."


def test_texts_lists_the_languages_a_text_is_written_in():
    sector = SectorFactory(name_en="Textiles", name_de="Textilien", name_sr="Текстил")
    assert content.texts(sector, "name") == {"en": "Textiles", "de": "Textilien", "sr": "Текстил", "sr-latn": "Tekstil"}
