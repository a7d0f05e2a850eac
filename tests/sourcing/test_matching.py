"""Which suppliers a need reaches: a sector (a parent counts with its sub-sectors), a
place served (the whole country or the region), and only verified suppliers. The
form's count comes from the supplier search and must name as many as are notified."""

import pytest
from django.urls import reverse

from marketplace.sourcing.selectors import suppliers_matching, suppliers_matching_count
from tests.sourcing.conftest import need_published


def names(suppliers):
    return sorted(s.name for s in suppliers)


@pytest.fixture(autouse=True)
def indexed(market, reindex):
    reindex()


def reached(sectors, country, region=None):
    """The suppliers a need reaches, once the count the form shows agrees."""
    found = names(suppliers_matching(sectors=sectors, country=country, region=region))
    assert suppliers_matching_count(sectors=sectors, country=country, region=region) == len(found)
    return found


def test_a_parent_sector_reaches_its_sub_sectors_in_the_region(market):
    assert reached([market.construction], "FR", market.lorraine) == ["Bricks Again", "Renovators France"]


def test_a_sub_sector_reaches_only_its_own_suppliers(market):
    assert reached([market.reuse], "FR", market.lorraine) == ["Bricks Again"]


def test_a_supplier_serving_the_whole_country_serves_every_region(market):
    assert reached([market.renovation], "FR", market.alsace) == ["Renovators France"]


def test_a_need_without_region_reaches_every_part_of_the_country(market):
    assert reached([market.reuse], "FR") == ["Alsace Reuse", "Bricks Again"]


def test_two_sectors_reach_the_suppliers_of_either(market):
    assert reached([market.reuse, market.catering], "FR", market.lorraine) == ["Bricks Again", "Lorraine Caterers"]


def test_another_country_reaches_nobody(market):
    assert reached([market.construction], "LU") == []


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
