"""The "within N km of a place" filter of the supplier directory.

Distances by hand (haversine, Earth radius R = 6371.0087714 km, Elasticsearch's mean radius):

- Luxembourg city (Place d'Armes, 49.6116 N 6.1319 E) to Metz (cathedral, 49.1203 N 6.1757 E):
  Δφ = −0.4913° = −0.0085748 rad, Δλ = 0.0438° = 0.00076445 rad;
  sin²(Δφ/2) = 0.0042874² = 1.83818e-5; cos φ1 · cos φ2 = 0.64797 · 0.65447 = 0.42408;
  sin²(Δλ/2) = 0.00038223² = 1.46096e-7, times 0.42408 = 6.196e-8;
  h = 1.84438e-5; d = 2R · asin(√h) = 2 · 6371.0088 · 0.0042946 = 54.72 km.
- Along a meridian a degree is πR/180 = 111.195 km, whatever the latitude; along a parallel at
  latitude φ it is 111.195 · cos φ km at small distances (72.05 km at 49.6116 N).

The backends must return exactly the suppliers a haversine oracle finds, at the border too."""

import math

import pytest

from search.backends.database import DatabaseBackend
from search.geo import EARTH_RADIUS_KM, KM_PER_DEGREE, Near, haversine_km, parse_coordinates
from search.interface import InvalidQuery, SupplierQuery
from tests.factories import RegionFactory, SupplierFactory
from tests.search.test_contract import available_backends

LUXEMBOURG = (49.6116, 6.1319)
METZ = (49.1203, 6.1757)


def test_luxembourg_city_to_metz_is_54_7_km():
    assert haversine_km(*LUXEMBOURG, *METZ) == pytest.approx(54.72, abs=0.01)
    assert haversine_km(*METZ, *LUXEMBOURG) == haversine_km(*LUXEMBOURG, *METZ)


def test_a_degree_along_a_meridian_and_along_a_parallel():
    assert pytest.approx(111.195, abs=0.001) == KM_PER_DEGREE
    assert haversine_km(49.0, 6.0, 50.0, 6.0) == pytest.approx(111.195, abs=0.001)
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.001)
    assert haversine_km(*LUXEMBOURG, LUXEMBOURG[0], LUXEMBOURG[1] + 1) == pytest.approx(72.05, abs=0.01)
    assert haversine_km(*LUXEMBOURG, *LUXEMBOURG) == 0
    # Half the way round the Earth.
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_the_bounding_box_holds_the_whole_circle():
    near = Near(latitude=LUXEMBOURG[0], longitude=LUXEMBOURG[1], km=50)
    south, north, west, east = near.bounding_box()
    for bearing in range(0, 360, 5):  # points 49.999 km away in every direction lie in the box
        lat, lon = _destination(*LUXEMBOURG, 49.999, bearing)
        assert haversine_km(*LUXEMBOURG, lat, lon) == pytest.approx(49.999, abs=1e-6)
        assert south <= lat <= north and west <= lon <= east


@pytest.mark.parametrize(
    "text, expected",
    [
        ("49.6116, 6.1319", (49.6116, 6.1319)),
        ("-33.9;18.4", (-33.9, 18.4)),
        ("91, 6", None),
        ("49, 181", None),
        ("Metz", None),
        ("nan, 6", None),
        ("1, 2, 3", None),
    ],
)
def test_coordinates_are_read_in_decimal_degrees_within_range(text, expected):
    assert parse_coordinates(text) == expected


def _destination(lat, lon, km, bearing_degrees):
    """The point `km` away from (lat, lon) on a bearing (the spherical direct formula)."""
    delta = km / EARTH_RADIUS_KM
    theta = math.radians(bearing_degrees)
    phi1, lambda1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta))
    lambda2 = lambda1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1), math.cos(delta) - math.sin(phi1) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lambda2)


# The backends against an oracle ------------------------------------------------------------


@pytest.fixture
def located(db, reindex):
    """Suppliers around Luxembourg city: on rings at known distances, just inside and just
    outside 25 km on the meridian (a distance exact by hand: R·Δφ), one without a location
    and one unverified inside the radius (neither is ever found)."""
    lu = RegionFactory(country="LU", slug="lu")
    fr = RegionFactory(country="FR", slug="fr-lorraine")
    suppliers = []
    for n, (km, bearing) in enumerate([(0, 0), (3, 45), (8, 100), (20, 200), (40, 300), (54, 180), (120, 90)]):
        lat, lon = _destination(*LUXEMBOURG, km, bearing)
        country, region = ("FR", fr) if n % 2 else ("LU", lu)
        suppliers.append(
            SupplierFactory(name=f"Ring {km}", country=country, region=region, latitude=lat, longitude=lon)
        )
    for name, km in (("Just inside", 24.999), ("Just outside", 25.001)):
        suppliers.append(
            SupplierFactory(
                name=name, country="LU", region=lu, latitude=LUXEMBOURG[0] - km / KM_PER_DEGREE, longitude=LUXEMBOURG[1]
            )
        )
    SupplierFactory(name="Nowhere", country="LU", region=lu)
    SupplierFactory(
        name="Hidden", country="LU", region=lu, latitude=LUXEMBOURG[0], longitude=LUXEMBOURG[1], unverified=True
    )
    reindex()
    return suppliers


def oracle(suppliers, near):
    return {s.pk for s in suppliers if haversine_km(near.latitude, near.longitude, s.latitude, s.longitude) <= near.km}


@pytest.fixture(params=available_backends())
def backend(request, located):
    backend = request.param()
    if backend.name != "database":
        from search.documents import supplier_documents

        backend.rebuild([list(supplier_documents())])
    return backend


@pytest.mark.django_db
@pytest.mark.parametrize("km", [5, 10, 25, 50, 100, 250])
@pytest.mark.parametrize("place", [LUXEMBOURG, METZ, (49.5, 6.0)])
def test_the_filter_finds_exactly_the_suppliers_the_oracle_finds(backend, located, place, km):
    near = Near(latitude=place[0], longitude=place[1], km=km)

    found = backend.search(SupplierQuery(near=near, page_size=100))

    expected = oracle(located, near)
    assert set(found.ids) == expected
    assert found.total == len(expected)


@pytest.mark.django_db
def test_at_the_border_24_999_km_is_in_and_25_001_km_is_out(backend, located):
    near = Near(latitude=LUXEMBOURG[0], longitude=LUXEMBOURG[1], km=25)

    found = backend.search(SupplierQuery(near=near, page_size=100))

    names = {s.pk: s.name for s in located}
    assert {names[pk] for pk in found.ids} == {"Ring 0", "Ring 3", "Ring 8", "Ring 20", "Just inside"}


@pytest.mark.django_db
def test_facet_counts_count_only_the_suppliers_within_the_distance(backend, located):
    near = Near(latitude=LUXEMBOURG[0], longitude=LUXEMBOURG[1], km=25)

    found = backend.search(SupplierQuery(near=near, filters={"country": ("FR",)}, page_size=100))

    inside = [s for s in located if s.pk in oracle(located, near)]
    assert found.counts["country"] == {
        "LU": sum(1 for s in inside if s.country == "LU"),
        "FR": sum(1 for s in inside if s.country == "FR"),
    }
    assert set(found.ids) == {s.pk for s in inside if s.country == "FR"}


@pytest.mark.django_db
def test_sorting_by_distance_puts_the_nearest_first(located):
    near = Near(latitude=LUXEMBOURG[0], longitude=LUXEMBOURG[1], km=250)

    found = DatabaseBackend().search(SupplierQuery(near=near, sort="distance", page_size=10))

    names = {s.pk: s.name for s in located}
    assert [names[pk] for pk in found.ids] == [
        "Ring 0", "Ring 3", "Ring 8", "Ring 20", "Just inside", "Just outside", "Ring 40", "Ring 54", "Ring 120",
    ]  # fmt: skip
    second_page = DatabaseBackend().search(SupplierQuery(near=near, sort="distance", page_size=10, page=2))
    assert second_page.ids == []


@pytest.mark.django_db
def test_without_a_place_a_distance_sort_is_the_name_sort(located):
    by_distance = DatabaseBackend().search(SupplierQuery(sort="distance", page_size=100))
    by_name = DatabaseBackend().search(SupplierQuery(sort="name", page_size=100))
    assert by_distance.ids == by_name.ids


# The URL parameters -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_town_of_the_gazetteer_is_the_average_of_its_suppliers_coordinates(db, reindex):
    SupplierFactory(city="Metz", latitude=49.10, longitude=6.10)
    SupplierFactory(city="metz ", latitude=49.14, longitude=6.20)
    SupplierFactory(city="Metz", latitude=10.0, longitude=10.0, unverified=True)  # not in the gazetteer

    query = SupplierQuery.from_params({"near": ["METZ"], "within": ["10"]})

    assert (query.near.latitude, query.near.longitude, query.near.km) == (pytest.approx(49.12), pytest.approx(6.15), 10)
    assert query.to_params() == [("near", "METZ"), ("within", "10")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, message",
    [
        ({"near": ["Atlantis"]}, "We do not know the place “Atlantis”"),
        ({"near": ["49.6, 6.1"], "within": ["7"]}, "The distance must be one of 5, 10, 25, 50, 100, 250 km."),
        ({"near": ["49.6, 6.1"], "within": ["far"]}, "within must be a whole number."),
        ({"near": ["x" * 101]}, "The place is too long"),
    ],
)
def test_a_place_or_a_radius_that_cannot_be_searched_says_what_to_change(params, message):
    with pytest.raises(InvalidQuery, match=message):
        SupplierQuery.from_params(params)


def test_coordinates_need_no_gazetteer_and_the_radius_defaults_to_25_km():
    query = SupplierQuery.from_params({"near": ["49.6116, 6.1319"]})
    assert query.near == Near(latitude=49.6116, longitude=6.1319, km=25, place="49.6116, 6.1319")
    assert SupplierQuery.from_params({"within": ["50"]}).near is None  # a radius without a place: no filter
