"""Every page has its language in its address (English unprefixed, /fr/… for the others),
says where its other languages are, and links to pages in the reader's language."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_page_names_its_versions_in_every_language_for_search_engines(client):
    page = _soup(client.get("/fr/suppliers/?sector=food"))
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "en": "http://testserver/suppliers/?sector=food",
        "fr": "http://testserver/fr/suppliers/?sector=food",
        "de": "http://testserver/de/suppliers/?sector=food",
        "nl": "http://testserver/nl/suppliers/?sector=food",
        "sr": "http://testserver/sr/suppliers/?sector=food",
        "sr-latn": "http://testserver/sr-latn/suppliers/?sector=food",
        "x-default": "http://testserver/suppliers/?sector=food",
    }
    assert page.html["lang"] == "fr"


def test_the_menus_lead_to_the_editors_pages_in_the_readers_language(client):
    page = _soup(client.get("/de/suppliers/"))
    links = {a["href"] for a in page.select("header a, footer a")}
    assert {"/de/", "/de/stories/", "/de/how-it-works/"} <= links
    assert "/stories/" not in links


def test_a_path_without_language_names_no_alternates(client):
    page = _soup(client.get("/api/docs"))
    assert not page.select('link[rel="alternate"][hreflang]')
