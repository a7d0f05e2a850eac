"""Which suppliers a need reaches: a sector (a parent counts with its sub-sectors), a
place served (the whole country or the region), and only verified suppliers."""

from django.urls import reverse

from marketplace.sourcing.selectors import suppliers_matching
from tests.sourcing.conftest import need_published


def names(suppliers):
    return sorted(s.name for s in suppliers)


def test_a_parent_sector_reaches_its_sub_sectors_in_the_region(market):
    found = suppliers_matching(sectors=[market.construction], country="FR", region=market.lorraine)
    assert names(found) == ["Bricks Again", "Renovators France"]


def test_a_sub_sector_reaches_only_its_own_suppliers(market):
    found = suppliers_matching(sectors=[market.reuse], country="FR", region=market.lorraine)
    assert names(found) == ["Bricks Again"]


def test_a_supplier_serving_the_whole_country_serves_every_region(market):
    found = suppliers_matching(sectors=[market.renovation], country="FR", region=market.alsace)
    assert names(found) == ["Renovators France"]


def test_a_need_without_region_reaches_every_part_of_the_country(market):
    found = suppliers_matching(sectors=[market.reuse], country="FR")
    assert names(found) == ["Alsace Reuse", "Bricks Again"]


def test_another_country_reaches_nobody(market):
    assert not suppliers_matching(sectors=[market.construction], country="LU").exists()


def test_unverified_suppliers_are_never_reached(market):
    need = need_published(market, sectors=[market.reuse])
    invited = names(i.supplier for i in need.invitations.all())
    assert "Not Yet Verified" not in invited
    assert invited == ["Bricks Again"]


def test_the_form_shows_the_count_while_typing(client, market):
    client.force_login(market.officer)
    url = reverse("sourcing:match-count")
    response = client.get(url, {"sectors": [market.construction.pk], "country": "FR", "region": market.lorraine.pk})
    assert response.json()["count"] == 2
    assert "2 verified suppliers" in response.json()["text"]
    assert client.get(url, {"country": "FR"}).json()["count"] is None
