"""/search/: stories, news, social enterprises and products, grouped by type."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from cms import site_search
from tests.factories import SupplierFactory, goods_for_supplier

from .factories import article_create, story_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(story_index, news_index, reindex):
    hub = SupplierFactory(name="Compost Collectif", description="We turn canteen waste into compost.")
    goods_for_supplier(supplier=hub, title="Compost bags for canteens")
    story_create(index=story_index, title="Canteen waste turned into compost", suppliers=[hub])
    story_create(index=story_index, title="Compost draft", suppliers=[hub], publish=False)
    article_create(index=news_index, title="Compost collection starts in Metz")
    article_create(index=news_index, title="A news draft about compost", publish=False)
    story_create(index=story_index, title="Refurbished laptops", suppliers=[SupplierFactory()])
    reindex()


def groups(response):
    return {
        group.key: [getattr(hit, "title", None) or hit.name for hit in group.hits]
        for group in response.context["results"].groups
    }


def test_results_are_grouped_by_type(client, content):
    response = client.get("/search/", {"q": "compost"})

    assert groups(response) == {
        "stories": ["Canteen waste turned into compost"],
        "news": ["Compost collection starts in Metz"],
        "suppliers": ["Compost Collectif"],
        "products": ["Compost bags for canteens"],
    }
    assertContains(response, "Stories of cooperation")
    assertContains(response, "Goods and services")
    assertNotContains(response, "draft")


def test_a_story_is_found_by_the_name_of_its_supplier(client, content):
    response = client.get("/search/", {"q": "Collectif"})

    assert "Canteen waste turned into compost" in groups(response)["stories"]


def test_each_group_leads_to_all_of_its_results(client, content, story_index, reindex, monkeypatch):
    second = SupplierFactory(name="Compost Express")
    goods_for_supplier(supplier=second, title="Compost for gardens")
    story_create(index=story_index, title="Compost for a school garden", suppliers=[second])
    reindex()
    monkeypatch.setattr(site_search, "GROUP_SIZE", 1)

    response = client.get("/search/", {"q": "compost"})

    assertContains(response, 'href="/suppliers/?q=compost"')
    assertContains(response, 'href="/shop/search/?q=compost"')
    assertContains(response, 'href="/search/?q=compost&amp;type=stories"')


def test_one_group_of_pages_on_its_own(client, content, monkeypatch):
    monkeypatch.setattr(site_search, "PAGE_SIZE", 1)

    response = client.get("/search/", {"q": "canteen", "type": "stories"})

    assert groups(response) == {"stories": ["Canteen waste turned into compost"]}
    assertContains(response, 'href="?q=canteen"')  # back to every kind of result


def test_an_empty_search_shows_the_form(client, content):
    response = client.get("/search/")

    assert response.status_code == 200
    assert response.context["results"].groups == []
    assertContains(response, 'name="q"')


def test_a_search_text_too_long_is_refused_with_a_message(client):
    response = client.get("/search/", {"q": "x" * 201})

    assert response.status_code == 400
    assertContains(response, "The search text is too long: use at most 200 characters.", status_code=400)


def test_nothing_found_says_so(client, content):
    response = client.get("/search/", {"q": "zeppelin"})

    assertContains(response, "0 results for “zeppelin”")
    assertContains(response, "Nothing found here.")


def test_when_elasticsearch_fails_the_database_answers(client, content, settings, caplog):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],  # nothing listens there
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }

    response = client.get("/search/", {"q": "compost"})

    assert groups(response)["stories"] == ["Canteen waste turned into compost"]
    assert "Page search failed on the default backend; the database answered." in caplog.text
