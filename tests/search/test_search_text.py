"""Whatever is typed into a search box, every search answers with a page or a
clear message, never a 500: the site search (/search/), the supplier directory
(/suppliers/), the product search (/shop/search/) and the search API. Quotes,
brackets, `*`, NEAR( and the like are full-text query syntax to SQLite's FTS5
and PostgreSQL's tsquery; to us they are not words and are ignored."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains

from cms.services import article_index_ensure, case_study_index_ensure
from tests.cms.factories import article_create, story_create
from tests.factories import SupplierFactory, goods_for_supplier

pytestmark = pytest.mark.django_db

ENTRY_POINTS = ["/search/", "/suppliers/", "/shop/search/", "/api/search/suppliers/", "/api/search/products/"]
TOO_LONG = "The search text is too long: use at most 200 characters."


@pytest.fixture
def laundry(wagtail_site, reindex):
    """Something called "laundry" of every kind the searches find."""
    home = wagtail_site.root_page.specific
    stories = case_study_index_ensure(home=home, title="Stories of cooperation", intro="How firms buy social.")
    stories.save_revision().publish()
    news = article_index_ensure(home=home, title="News", intro="What is new.")
    news.save_revision().publish()
    hub = SupplierFactory(name="Laundry Collectif", description="We wash workwear.")
    goods_for_supplier(supplier=hub, title="Laundry bags")
    story_create(index=stories, title="Laundry for a hospital", suppliers=[hub])
    article_create(index=news, title="Laundry round starts in Metz")
    reindex()


def search(client, url, text):
    """GET url?q=text as a browser sends it: UTF-8, percent-encoded. A lone
    surrogate cannot be UTF-8; its bytes are sent as they are, as a client might."""
    return client.get(f"{url}?q={quote(text.encode('utf-8', 'surrogatepass'), safe='')}")


HOSTILE = [
    '"laundry',
    'laundry"',
    "(",
    "laundry)",
    "*",
    "laundry*",
    "NEAR(",
    "NEAR(laundry bags, 2)",
    "a AND",
    "AND",
    "OR NOT",
    "-",
    "-laundry",
    "name:laundry",
    "^laundry",
    "laundry & | ! <-> :*",
    "'",
    "\\",
    "%s %(x)s %",
    "🧺 laundry",
    "\x00",
    "laundry\x00",
    "\ud800",
    "laundry\udfff",
    "\x07\x1b[31m\x7f",
    "\u200b\ufeff",
    "re\u0301emploi",  # decomposed accent
]


def test_query_syntax_in_the_text_never_fails(client, laundry):
    # One set-up for them all: the content takes a second to build.
    statuses = {(url, text): search(client, url, text).status_code for url in ENTRY_POINTS for text in HOSTILE}

    assert {asked: status for asked, status in statuses.items() if status >= 500} == {}


def test_a_stray_quote_is_ignored_and_the_word_still_found(client, laundry):
    response = search(client, "/search/", '"laundry')

    groups = {group.key: group.total for group in response.context["results"].groups}
    assert groups == {"stories": 1, "news": 1, "suppliers": 1, "products": 1}
    for url in ["/suppliers/", "/shop/search/"]:
        assertContains(search(client, url, '"laundry'), "Laundry")
    assert search(client, "/api/search/products/", '"laundry').json()["count"] == 1


def test_only_punctuation_finds_nothing_rather_than_everything(client, laundry):
    response = search(client, "/search/", '"*()')

    assert response.status_code == 200
    assert response.context["results"].total == 0
    assertContains(response, "Nothing found here.")


@pytest.mark.parametrize("url", ["/search/", "/suppliers/", "/shop/search/"])
def test_2000_characters_are_refused_with_a_message(client, wagtail_site, url):
    response = search(client, url, "laundry " * 250)

    assertContains(response, TOO_LONG, status_code=400)


@pytest.mark.parametrize("url", ["/api/search/suppliers/", "/api/search/products/"])
def test_2000_characters_are_refused_with_a_message_by_the_api(client, url):
    response = search(client, url, '"(' * 1000)

    assert response.status_code == 400
    assert response.json()["error"]["message"] == TOO_LONG


# Text likely to trip a query parser: its syntax among words, emoji, control
# characters, NUL bytes and lone surrogates, within the length a search accepts.
syntax = st.sampled_from(['"', "(", ")", "*", "-", "+", ":", "^", "'", "\\", "%", "&", "|", "!", "<->", "\x00"])
operators = st.sampled_from(["AND", "OR", "NOT", "NEAR", "NEAR(", "laundry", "bags", "🧺"])
anything = st.text(st.characters(exclude_categories=()), max_size=8)  # surrogates and controls included
texts = st.lists(st.one_of(syntax, operators, anything), max_size=12).map(" ".join) | st.text(
    st.characters(exclude_categories=()), max_size=210
)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(ENTRY_POINTS), text=texts)
def test_no_search_text_gives_a_server_error(client, laundry, url, text):
    assert search(client, url, text).status_code < 500
