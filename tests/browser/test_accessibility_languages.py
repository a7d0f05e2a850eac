"""The readers' languages on the pages of tests/browser/test_accessibility.py: each fits a
phone in German (its longer words too), and shows none of our English strings at its
address in another language. A module of its own, with its own demo site, so that
pytest-xdist runs it beside the width checks (together they took over six minutes on one
worker)."""

import pytest
from django.conf import settings

from tests.browser.helpers import visit
from tests.browser.test_accessibility import PAGES, _assert_fits, _signed_in_pages, demo_site, pages  # noqa: F401 (fixtures)
from tests.languages import still_english

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def german_pages(browser, demo_site):  # noqa: F811
    """The roles' pages with a browser set to German: its longer words must fit a phone too."""
    opened = _signed_in_pages(browser, demo_site[0], language="de")
    yield opened
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize(("name", "role", "where"), [pytest.param(*page, id=page[0]) for page in PAGES])
def test_page_fits_a_phone_in_german(demo_site, german_pages, name, role, where):  # noqa: F811
    live_server, places, _product = demo_site
    page = german_pages[role]
    page.set_viewport_size({"width": 360, "height": 900})
    path = places.get(where, where)
    response = visit(page, live_server.url + path)
    assert response.ok, f"{name} ({path}) answered {response.status}"
    assert page.evaluate("document.documentElement.lang") == "de"

    _assert_fits(page, f"{name} ({path}) in German")


@pytest.fixture(scope="module")
def english(demo_site, pages):  # noqa: F811
    """Each page's English text, as its role sees it: fetched once for all the languages."""
    live_server, places, _product = demo_site
    return {
        name: pages[role].context.request.get(live_server.url + places.get(where, where)).text()
        for name, role, where in PAGES
    }


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE])
def test_every_journey_page_reads_in_the_readers_language(demo_site, pages, english, language):  # noqa: F811
    """Each page at its address in `language` (/fr/…), as the role that uses it, shows none
    of the English interface strings that the same page shows in English."""
    live_server, places, _product = demo_site
    untranslated = {}
    for name, role, where in PAGES:
        path = places.get(where, where)
        shown = pages[role].context.request.get(f"{live_server.url}/{language}{path}")
        assert shown.ok, f"{name} ({path}) in {language} answered {shown.status}"
        left = still_english(english[name], shown.text(), language)
        if left:
            untranslated[name] = left[:6]
    assert not untranslated, f"pages in {language} still show English strings of ours: {untranslated}"
