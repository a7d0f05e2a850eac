"""Which language a person reads what is sent to them in."""

import logging

from django.utils import translation

from marketplace.core import languages
from tests.factories import UserFactory


def test_a_person_reads_the_language_they_chose_else_the_site_s(db):
    assert languages.of(UserFactory.build(language="sr-latn")) == "sr-latn"
    assert languages.of(UserFactory.build(language="")) == "en"
    assert languages.of(None) == "en"


def test_a_message_a_translation_breaks_goes_out_in_the_site_s_language(caplog):
    def render():
        if translation.get_language() == "fr":
            raise KeyError("number")  # a placeholder a translator lost
        return translation.get_language()

    with caplog.at_level(logging.ERROR):
        assert languages.render_in("fr", render) == "en"
    assert "Could not write a message in fr" in caplog.text
