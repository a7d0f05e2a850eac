"""A facet is declared once (search.facets): a new declaration is a filter of the
directory page, of its JSON endpoint and of the index, with its label and counts,
and nothing else is touched."""

import pytest
from django.utils.text import slugify

from marketplace.organisations.models import Supplier
from search.facets import Facet
from search.interface import SupplierQuery
from tests.search.test_directory import build_world, cards, facets, get

pytestmark = pytest.mark.django_db


def _towns():
    return {slugify(town): (town, "") for town in Supplier.objects.values_list("city", flat=True).distinct() if town}


@pytest.fixture
def town_facet(monkeypatch, reindex):
    """A facet a coordinator might ask for: the supplier's town."""
    town = Facet("town", "Town", lambda facts: [slugify(facts.supplier.city)] if facts.supplier.city else [], _towns)
    monkeypatch.setattr(SupplierQuery, "facets", (*SupplierQuery.facets, town))
    build_world()
    Supplier.objects.update(city="Luxembourg")
    # Hidden Kitchen is not verified: never counted.
    Supplier.objects.filter(name__in=["Réemploi Solidaire", "Cantine du Coin", "Hidden Kitchen"]).update(city="Metz")
    reindex()
    return town


def test_a_declared_facet_is_a_filter_of_the_directory_with_its_label_and_counts(client, town_facet):
    shown = facets(get(client))["town"]
    assert {label: option.count for label, option in shown.items()} == {"Metz": 2, "Luxembourg": 5}

    response = get(client, "?town=metz")
    assert cards(response) == ["Cantine du Coin", "Réemploi Solidaire"]
    assert facets(response)["town"]["Metz"].checked
    assert "Town" in response.content.decode()

    # Within one facet values are OR-ed, across facets AND-ed, as for every facet.
    assert cards(get(client, "?town=metz&town=luxembourg&country=FR")) == ["Cantine du Coin", "Réemploi Solidaire"]
    assert cards(get(client, "?town=luxembourg&country=FR")) == []


def test_a_declared_facet_is_a_filter_of_the_api(client, town_facet):
    answer = client.get("/api/search/suppliers/?town=metz&sector=catering").json()

    assert [result["name"] for result in answer["results"]] == ["Cantine du Coin"]
    # Its own counts ignore its selection: Küche für Alle and Lux Traiteur cater in Luxembourg.
    assert {value["value"]: value["count"] for value in answer["facets"]["town"]} == {"metz": 1, "luxembourg": 2}
    assert client.get("/api/search/suppliers/?town=paris").status_code == 400  # no supplier's town
