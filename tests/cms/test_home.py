"""The home page: live figures, and what editors put forward with fallbacks to the newest."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from cms.models import HomeFeaturedStory, HomeFeaturedSupplier, HomeSectorLink
from tests.factories import SectorFactory, SupplierFactory

from .factories import story_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors():
    food = SectorFactory(name="Food", slug="food")
    return {"food": food, "catering": SectorFactory(name="Catering", slug="catering", parent=food)}


def test_without_choices_the_home_shows_the_newest_and_every_sector(client, home, story_index, sectors, reindex):
    caterer = SupplierFactory(name="Table d'Insertion", sectors=[sectors["catering"]])
    for number in range(4):
        story_create(index=story_index, title=f"Story {number}", suppliers=[caterer])
    reindex()

    response = client.get("/")

    assert [s.title for s in response.context["latest_case_studies"]] == ["Story 3", "Story 2", "Story 1"]
    assert [card.name for card in response.context["featured_suppliers"]] == ["Table d'Insertion"]
    entries = response.context["sector_entries"]
    assert [(e.name, e.count) for e in entries] == [("Food", 1)]  # top-level sectors, sub-sectors counted in
    assertContains(response, 'href="/suppliers/?sector=food"')
    assertContains(response, "1 social enterprise")


def test_the_editors_choices_come_first_in_their_order(client, home, story_index, sectors, supplier, reindex):
    chosen = SupplierFactory(name="Chosen Coop")
    SupplierFactory(name="Newest Coop")
    older = story_create(index=story_index, title="Older story", suppliers=[supplier])
    story_create(index=story_index, title="Newer story", suppliers=[supplier])
    draft = story_create(index=story_index, title="Draft story", suppliers=[supplier], publish=False)
    home.featured_suppliers = [HomeFeaturedSupplier(supplier=chosen), HomeFeaturedSupplier(supplier=supplier)]
    home.featured_stories = [HomeFeaturedStory(story=older), HomeFeaturedStory(story=draft)]
    home.sector_links = [HomeSectorLink(sector=sectors["catering"], text="Canteens and events")]
    home.save_revision().publish()
    reindex()

    response = client.get("/")

    assert [card.name for card in response.context["featured_suppliers"]] == ["Chosen Coop", "Repair Coop"]
    assert [s.title for s in response.context["latest_case_studies"]] == ["Older story"]  # never a draft
    assertNotContains(response, "Newest Coop")
    assertContains(response, "Canteens and events")
    assertContains(response, 'href="/suppliers/?sector=catering"')


def test_the_home_shows_live_figures(client, home, supplier, unverified_supplier):
    response = client.get("/")

    assert response.context["figures"]["suppliers"] == 1
    assertContains(response, "verified social enterprises")


@pytest.fixture
def content_cache(settings):
    """A cache every process shares, as in production with REDIS_URL (here the test's in-memory one)."""
    settings.CONTENT_CACHE_SECONDS = 300


def test_the_home_is_computed_once_until_something_changes(
    client, home, story_index, sectors, content_cache, django_assert_max_num_queries
):
    SupplierFactory(name="Table d'Insertion", sectors=[sectors["catering"]])
    first = client.get("/")
    assert first.context["figures"]["suppliers"] == 1
    with django_assert_max_num_queries(12):  # what every page asks (session, site, menus), not the sections
        again = client.get("/")
    assert [card.name for card in again.context["featured_suppliers"]] == ["Table d'Insertion"]

    SupplierFactory(name="Repair Coop")  # verified: a new figure and a new newest supplier
    response = client.get("/")
    assert response.context["figures"]["suppliers"] == 2
    assertContains(response, "Repair Coop")


def test_a_published_story_and_a_renamed_supplier_show_at_once(client, home, story_index, content_cache):
    supplier = SupplierFactory(name="Table d'Insertion")
    client.get("/")
    story_create(index=story_index, title="Canteen meals from local farms", suppliers=[supplier])
    supplier.name = "Table Solidaire"
    supplier.save()
    response = client.get("/")
    assertContains(response, "Canteen meals from local farms")
    assertContains(response, "Table Solidaire")
    assertNotContains(response, "Table d&#x27;Insertion")


def test_each_language_has_its_own_copy(client, home, sectors, content_cache, reindex):
    SupplierFactory(name="Table d'Insertion", sectors=[sectors["catering"]])
    sectors["food"].name_fr = "Alimentation"
    sectors["food"].save()
    reindex()
    assertContains(client.get("/"), "Food")
    french = client.get("/fr/")
    assertContains(french, "Alimentation")
    assertContains(client.get("/"), "Food")
