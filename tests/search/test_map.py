"""The directory's map (/suppliers/map/ and /api/search/suppliers/map/), the profile's and the
network's: public facts of verified suppliers only, and the same suppliers as the list."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import NetworkFactory, NetworkMembershipFactory, RegionFactory, SupplierFactory

MAP_API = "/api/search/suppliers/map/"
LIST_API = "/api/search/suppliers/"
MARKER_KEYS = {"name", "slug", "url", "town", "latitude", "longitude"}


@pytest.fixture
def world(reindex):
    lu = RegionFactory(country="LU", slug="lu")
    fr = RegionFactory(country="FR", slug="fr-lorraine")
    SupplierFactory(
        name="Luxembourg Repair", country="LU", region=lu, city="Luxembourg", latitude=49.61, longitude=6.13
    )
    SupplierFactory(name="Esch Bakery", country="LU", region=lu, city="Esch-sur-Alzette", latitude=49.5, longitude=5.98)
    SupplierFactory(name="Metz Garden", country="FR", region=fr, city="Metz", latitude=49.12, longitude=6.18)
    SupplierFactory(name="Nancy Print", country="FR", region=fr, city="Nancy", latitude=48.69, longitude=6.18)
    SupplierFactory(name="Unplaced Textile", country="FR", region=fr, city="Metz")  # no location: listed, no marker
    SupplierFactory(name="Secret Coop", country="LU", region=lu, latitude=49.6, longitude=6.1, unverified=True)
    reindex()


def markers_of(response) -> list:
    match = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(match.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "?country=FR", "?near=Luxembourg&within=25", "?near=49.12,6.18&within=50&country=LU", "?q=garden"],
)
def test_the_map_endpoint_counts_what_the_list_counts_and_shows_the_located(client, world, query):
    listed = client.get(LIST_API + query).json()
    mapped = client.get(MAP_API + query).json()

    assert mapped["count"] == listed["count"]
    located = {r["slug"] for r in listed["results"]} - {"unplaced-textile"}
    assert {m["slug"] for m in mapped["markers"]} == located
    assert mapped["located"] == len(located)


@pytest.mark.django_db
def test_the_map_endpoint_gives_public_facts_of_verified_suppliers_only(client, world):
    mapped = client.get(MAP_API).json()

    assert mapped["count"] == 5  # the unverified one is never found
    assert [m["name"] for m in mapped["markers"]] == ["Esch Bakery", "Luxembourg Repair", "Metz Garden", "Nancy Print"]
    for marker in mapped["markers"]:
        assert set(marker) == MARKER_KEYS  # no e-mail, phone, address, VAT ID…
    assert mapped["markers"][2] == {
        "name": "Metz Garden",
        "slug": "metz-garden",
        "url": "/suppliers/metz-garden/",
        "town": "Metz",
        "latitude": 49.12,
        "longitude": 6.18,
    }


@pytest.mark.django_db
def test_a_place_the_gazetteer_does_not_know_gets_a_400_that_says_what_to_do(client, world):
    response = client.get(MAP_API + "?near=Atlantis")
    assert response.status_code == 400
    assert "choose a town from the suggestions" in response.json()["error"]["message"]


@pytest.mark.django_db
def test_the_map_page_shows_the_lists_total_its_markers_and_the_list(client, world):
    listed = client.get(reverse("organisations:supplier-list") + "?near=Metz&within=50")
    page = client.get(reverse("organisations:supplier-map") + "?near=Metz&within=50")

    # Metz (49.12 N 6.18 E, its only located supplier's) is 44.7 km from Esch-sur-Alzette,
    # 47.8 km from Nancy and 54.6 km from Luxembourg.
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 social enterprises" in html and "3 social enterprises" in listed.content.decode()
    assert [m["name"] for m in markers_of(page)] == ["Esch Bakery", "Metz Garden", "Nancy Print"]
    assert html.count('class="stretched-link"') == 3  # the list: the map's text alternative
    assert "Distance: within 50 km of Metz" in html
    assert 'href="/suppliers/?near=Metz&amp;within=50"' in html  # back to the list, same query
    assert 'data-map data-markers="map-markers"' in html
    assert "vendor/leaflet/leaflet.js" in html and "vendor/leaflet.markercluster/leaflet.markercluster.js" in html


@pytest.mark.django_db
def test_the_directory_suggests_the_towns_of_verified_located_suppliers(client, world):
    html = client.get(reverse("organisations:supplier-list")).content.decode()

    towns = re.findall(r'<option value="([^"]+)"></option>', html)
    assert sorted(towns) == ["Esch-sur-Alzette", "Luxembourg", "Metz", "Nancy"]


@pytest.mark.django_db
def test_an_empty_distance_search_offers_to_drop_the_distance(client, world):
    html = client.get(reverse("organisations:supplier-list") + "?near=Nancy&within=5&country=LU").content.decode()

    assert "No social enterprise matches all of this." in html
    assert "without the distance: 2 results" in html


@pytest.mark.django_db
def test_the_map_page_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    url = reverse("organisations:supplier-map") + "?country=FR"
    client.get(url)  # warm the facet labels and the gazetteer
    # The list's three (index version, page, cards), and the map's index version and markers.
    with django_assert_max_num_queries(5):
        client.get(url)


@pytest.mark.django_db
def test_a_located_profile_shows_its_map_and_coordinates(client, world):
    html = client.get(reverse("organisations:supplier-detail", kwargs={"slug": "metz-garden"})).content.decode()
    assert "Latitude 49.1200, longitude 6.1800" in html
    assert 'data-markers="map-markers"' in html

    unplaced = client.get(reverse("organisations:supplier-detail", kwargs={"slug": "unplaced-textile"}))
    assert "data-map" not in unplaced.content.decode()


@pytest.mark.django_db
def test_a_network_page_maps_its_verified_located_members(client, world):
    from marketplace.organisations.models import Supplier

    network = NetworkFactory(slug="cluster")
    for slug in ("metz-garden", "unplaced-textile", "secret-coop"):
        NetworkMembershipFactory(network=network, supplier=Supplier.objects.get(slug=slug))

    page = client.get(reverse("organisations:network-detail", kwargs={"slug": "cluster"}))

    assert [m["name"] for m in markers_of(page)] == ["Metz Garden"]
