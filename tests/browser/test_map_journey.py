"""A buyer finds social enterprises near a town on the directory's map. Map tiles never
reach the network: the browser context answers them with a blank tile (helpers.new_context),
and the markers and the list work without them."""

import re

import pytest

from marketplace.organisations.models import Supplier
from search.geo import haversine_km
from search.selectors import gazetteer
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser


def test_a_buyer_filters_the_map_by_distance_from_a_town(demo_world, live_server, page):
    luxembourg = next(town for town in gazetteer() if town.name == "Luxembourg")
    # The oracle: every verified demo supplier within 10 km of the town, by the haversine formula.
    expected = sorted(
        s.name
        for s in Supplier.objects.filter(verified=True)
        if haversine_km(luxembourg.latitude, luxembourg.longitude, s.latitude, s.longitude) <= 10
    )
    assert 0 < len(expected) < 24  # one page of the list
    sign_in(page, live_server, "buyer@example.com")

    visit(page, live_server.url + "/suppliers/")
    follow(page, page.get_by_role("link", name="Map", exact=True))
    assert page.locator("[data-map] .leaflet-marker-icon").count() > 0  # markers (or clusters) are drawn
    page.get_by_label("Near (town, or latitude, longitude)").fill("Luxembourg")
    page.get_by_label("Within").select_option("10")
    follow(page, page.get_by_role("button", name="Apply distance"))

    assert re.search(r"/suppliers/map/\?near=Luxembourg&within=10$", page.url)
    heading = f"{len(expected)} social enterprise" + ("s" if len(expected) > 1 else "")
    assert page.get_by_role("heading", name=heading).is_visible()
    names = page.locator(".card-grid .stretched-link").all_inner_texts()
    assert sorted(names) == expected
    assert page.get_by_role("link", name="Remove filter Distance: within 10 km of Luxembourg").is_visible()
    assert page.locator("[data-map] .leaflet-marker-icon").count() >= 1

    # The list keeps the filter, and so does the way back to the map.
    follow(page, page.get_by_role("link", name="List", exact=True))
    assert re.search(r"/suppliers/\?near=Luxembourg&within=10$", page.url)
    assert sorted(page.locator(".card-grid .stretched-link").all_inner_texts()) == expected
    assert page.context.tiles, "the map asked for tiles, each answered without the network"
    assert page.problems == []
