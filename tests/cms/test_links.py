"""Both directions: a story leads to its social enterprises' profiles and products,
and a supplier's profile lists the published stories that feature it."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations import services
from tests.factories import SupplierFactory, goods_for_supplier, operator

from .factories import story_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(supplier):
    other = SupplierFactory(name="Bâti-Réemploi Ettelbruck")
    goods_for_supplier(supplier=supplier, title="Bicycle repair kit")
    goods_for_supplier(supplier=other, title="Reclaimed oak flooring, per m²")
    return supplier, other


def test_a_story_links_its_suppliers_profiles_and_their_products(client, story_index, partners, buyer):
    story = story_create(index=story_index, title="An office fitted out with reused materials", suppliers=partners,
                         buyer=buyer)  # fmt: skip

    response = client.get(story.url)

    for supplier in partners:
        assertContains(response, f'href="{supplier.get_absolute_url()}"')
    assertContains(response, "Bicycle repair kit")
    assertContains(response, "Reclaimed oak flooring, per m²")
    assertContains(response, "Acme Procurement")


def test_a_supplier_no_longer_verified_is_named_but_not_linked(client, story_index, partners):
    story = story_create(index=story_index, title="Office fitted out", suppliers=partners)
    services.supplier_unverify(supplier=partners[1], by=operator())

    response = client.get(story.url)

    assertContains(response, "Bâti-Réemploi Ettelbruck")
    assertNotContains(response, f'href="{partners[1].get_absolute_url()}"')
    assertNotContains(response, "Reclaimed oak flooring")


def test_each_suppliers_profile_lists_the_published_stories_featuring_it(client, story_index, partners):
    published = story_create(index=story_index, title="Office fitted out", suppliers=partners)
    story_create(index=story_index, title="A draft about reuse", suppliers=partners, publish=False)
    story_create(index=story_index, title="Someone else's story", suppliers=[SupplierFactory()])

    for supplier in partners:
        response = client.get(supplier.get_absolute_url())
        assertContains(response, "Office fitted out")
        assertContains(response, f'href="{published.url}"')
        assertNotContains(response, "A draft about reuse")
        assertNotContains(response, "Someone else&#x27;s story")
