"""/stories/: filters by sector, country and network kept in the URL, pages that
keep them, and a query count that does not grow with the page size."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from cms.models import CaseStudyIndexPage
from tests.factories import NetworkFactory, NetworkMembershipFactory, SectorFactory, SupplierFactory

from .factories import image_create, story_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(story_index):
    food = SectorFactory(name="Food", slug="food")
    catering = SectorFactory(name="Catering", slug="catering", parent=food)
    reuse = SectorFactory(name="Reused materials", slug="reused-materials")
    cluster = NetworkFactory(name="SSE Cluster Grande Région", slug="sse-cluster")
    caterer = SupplierFactory(name="Table d'Insertion", sectors=[catering])
    NetworkMembershipFactory(network=cluster, supplier=caterer)
    builder = SupplierFactory(name="Bâti-Réemploi", sectors=[reuse])
    story_create(index=story_index, title="Canteen meals", suppliers=[caterer], sectors=[catering], countries=["FR"])
    story_create(index=story_index, title="Reused office", suppliers=[builder], sectors=[reuse], countries=["LU", "BE"])
    return story_index


def titles(response):
    return [story.title for story in response.context["page_obj"]]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["Reused office", "Canteen meals"]),
        ({"sector": "food"}, ["Canteen meals"]),  # a sector matches its sub-sectors
        ({"sector": "catering"}, ["Canteen meals"]),
        ({"country": "LU"}, ["Reused office"]),
        ({"country": "BE"}, ["Reused office"]),
        ({"network": "sse-cluster"}, ["Canteen meals"]),
        ({"sector": "reused-materials", "country": "FR"}, []),
    ],
)
def test_filters(client, world, params, expected):
    response = client.get(world.url, params)
    assert titles(response) == expected


def test_the_filters_offer_what_the_stories_have(client, world):
    response = client.get(world.url)

    assertContains(response, '<option value="catering">Food › Catering</option>', html=True)
    assertContains(response, '<option value="food">Food</option>', html=True)
    assertContains(response, '<option value="BE">Belgium</option>', html=True)
    assertContains(response, '<option value="sse-cluster">SSE Cluster Grande Région</option>', html=True)
    assertNotContains(response, '<option value="DE">')


def test_an_unknown_value_is_dropped_with_a_notice(client, world):
    response = client.get(world.url, {"country": "XX", "sector": "catering"})

    assert titles(response) == ["Canteen meals"]
    assertContains(response, "No story has the country “XX”: showing stories of every country.")


def test_an_empty_filter_result_says_so_and_offers_every_story(client, world):
    response = client.get(world.url, {"sector": "reused-materials", "country": "FR"})

    assertContains(response, "No story matches these filters yet.")
    assertContains(response, "0 stories")


def test_pages_keep_the_filters(client, world, monkeypatch):
    monkeypatch.setattr(CaseStudyIndexPage, "page_size", 1)
    caterer = world.get_children().specific().get(slug="canteen-meals").suppliers[0]
    story_create(index=world, title="Conference catering", suppliers=[caterer], countries=["FR"])

    first = client.get(world.url, {"country": "FR"})
    second = client.get(world.url, {"country": "FR", "page": "2"})
    beyond = client.get(world.url, {"country": "FR", "page": "99"})  # the last page rather than an error

    assert titles(first) == ["Conference catering"]
    assertContains(first, 'href="?country=FR&amp;page=2"')
    assert titles(second) == ["Canteen meals"]
    assert titles(beyond) == ["Canteen meals"]


def test_drafts_are_not_listed(client, world):
    story_create(index=world, title="A draft", suppliers=[SupplierFactory()], publish=False)
    assert "A draft" not in titles(client.get(world.url))


def test_the_query_count_does_not_grow_with_the_page_size(client, story_index, django_assert_max_num_queries):
    sectors = [SectorFactory() for _ in range(2)]

    def add_stories(count, offset):
        for number in range(offset, offset + count):
            story_create(
                index=story_index,
                title=f"Story {number}",
                suppliers=[SupplierFactory(), SupplierFactory()],
                sectors=sectors,
                countries=["FR", "LU"],
                hero_image=image_create(title=f"Picture {number}"),
            )

    def render():
        client.get(story_index.url)  # renditions are made on the first view, then reused
        with django_assert_max_num_queries(100) as captured:
            response = client.get(story_index.url)
        assert response.status_code == 200
        return len(response.context["page_obj"]), len(captured.captured_queries)

    add_stories(1, 0)
    one = render()
    add_stories(11, 1)
    twelve = render()

    assert (one[0], twelve[0]) == (1, 12)
    assert twelve[1] == one[1]
