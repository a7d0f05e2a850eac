"""What search engines and link previews read: titles, descriptions, Open Graph,
sitemap.xml, robots.txt and the stories' RSS feed."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import SupplierFactory

from .factories import image_create, story_create

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE = settings.SITE_URL  # the Wagtail site takes its address from it


@pytest.fixture
def story(story_index, supplier):
    return story_create(
        index=story_index,
        title="Canteen meals from local farms",
        suppliers=[supplier],
        summary="A steel maker's canteens buy from a food hub.",
        hero_image=image_create(description="Crates of vegetables in a canteen kitchen"),
    )


def test_a_story_has_its_title_description_and_link_preview(client, story):
    story.seo_title = "Local canteen meals: a steel maker's story"
    story.save_revision().publish()

    response = client.get(story.url)

    assertContains(response, "<title>Local canteen meals: a steel maker&#x27;s story – Responsible</title>")
    assertContains(response, '<meta name="description" content="A steel maker&#x27;s canteens buy from a food hub.">')
    assertContains(response, '<meta property="og:type" content="article">')
    assertContains(response, f'<meta property="og:url" content="{SITE}/stories/canteen-meals-from-local-farms/">')
    assertContains(response, '<meta property="og:image:alt" content="Crates of vegetables in a canteen kitchen">')
    assertContains(response, '<link rel="alternate" type="application/rss+xml"')
    html = response.content.decode()
    assert 'property="og:image" content="http://testserver/media/images/' in html  # absolute, a 1200×630 rendition


def test_the_sitemap_lists_public_pages_and_verified_suppliers(
    client, story, story_index, supplier, unverified_supplier
):
    story_create(index=story_index, title="A draft", suppliers=[supplier], publish=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {url.find(f"{SITEMAP}loc").text for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")}
    assert f"{SITE}/stories/canteen-meals-from-local-farms/" in locations
    assert f"{SITE}/stories/" in locations
    assert f"{SITE}/" in locations
    assert f"{SITE}{supplier.get_absolute_url()}" in locations
    # Each profile in every language, each entry naming the others for search engines.
    assert f"{SITE}/sr-latn{supplier.get_absolute_url()}" in locations
    profile = next(
        url
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text == f"{SITE}/fr{supplier.get_absolute_url()}"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in profile.iter(f"{XHTML}link")}
    assert alternates["de"] == f"{SITE}/de{supplier.get_absolute_url()}"
    assert alternates["x-default"] == f"{SITE}{supplier.get_absolute_url()}"
    assert not any("a-draft" in location for location in locations)
    assert not any(unverified_supplier.slug in location for location in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for private in ("/cms/", "/django-admin/", "/shop/checkout/", "/shop/dashboard/", "/accounts/", "/workspace/"):
        assert f"Disallow: {private}\n" in body
    for private in ("/fr/shop/checkout/", "/sr-latn/accounts/", "/de/workspace/"):
        assert f"Disallow: {private}\n" in body


def test_the_feed_is_rss_of_published_stories_newest_first(client, story, story_index):
    story_create(index=story_index, title="Newer story", suppliers=[SupplierFactory()])
    story_create(index=story_index, title="A draft", suppliers=[SupplierFactory()], publish=False)

    response = client.get("/stories/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("link").text == f"{SITE}/stories/"
    items = channel.findall("item")
    assert [item.find("title").text for item in items] == ["Newer story", "Canteen meals from local farms"]
    assert items[1].find("link").text == f"{SITE}/stories/canteen-meals-from-local-farms/"
    assert items[1].find("description").text == "A steel maker's canteens buy from a food hub."
    assert items[1].find("pubDate").text


def test_a_page_without_hero_image_still_describes_itself(client, story_index):
    response = client.get(story_index.url)

    assertContains(response, '<meta name="description" content="How firms buy social.">')
    assertContains(response, '<meta name="twitter:card" content="summary">')
    assertNotContains(response, 'property="og:image"')


def test_a_supplier_profile_has_its_link_preview(client, supplier):
    response = client.get(supplier.get_absolute_url())

    assertContains(response, '<meta property="og:title" content="Repair Coop">')
    assertContains(response, f'<link rel="canonical" href="http://testserver{supplier.get_absolute_url()}">')
