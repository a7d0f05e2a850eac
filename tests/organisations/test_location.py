"""A supplier's location: placed by its administrators on the workspace's location page
(by the map, by typed coordinates, or from its address), or geocoded in the background
when its address changes and it never placed itself. No test reaches a real geocoder:
GEOCODER is "off" in the test settings, and the Nominatim client talks to a local fake."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from marketplace.organisations import geocoding, services
from marketplace.organisations.models import Supplier
from tests.factories import SupplierFactory, UserFactory


class FakeNominatim:
    """Answers /search with `places`; remembers each request's query and user agent."""

    def __init__(self):
        self.places = []
        self.asked = []


@pytest.fixture
def nominatim():
    fake = FakeNominatim()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            fake.asked.append(({k: v[0] for k, v in parse_qs(url.query).items()}, self.headers["User-Agent"]))
            payload = json.dumps(fake.places).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def geocoding_on(nominatim, settings):
    fake, url = nominatim
    settings.GEOCODER = "nominatim"
    settings.GEOCODER_URL = url
    settings.GEOCODER_USER_AGENT = "Responsible tests (tests@responsible.example)"
    return fake


def test_the_geocoder_is_off_in_tests(settings):
    assert settings.GEOCODER == "off"
    assert isinstance(geocoding.geocoder(), geocoding.Off)
    assert geocoding.geocoder().locate(geocoding.Address("Place d'Armes 1", "1136", "Luxembourg", "LU")) is None


def test_nominatim_is_asked_with_the_address_and_a_user_agent(geocoding_on):
    geocoding_on.places = [{"lat": "49.6116", "lon": "6.1319", "display_name": "Place d'Armes"}]

    found = geocoding.geocoder().locate(geocoding.Address("Place d'Armes 1", "1136", "Luxembourg", "LU"))

    assert found == geocoding.Coordinates(latitude=49.6116, longitude=6.1319)
    ((params, agent),) = geocoding_on.asked
    assert params == {
        "format": "jsonv2",
        "limit": "1",
        "countrycodes": "lu",
        "street": "Place d'Armes 1",
        "postalcode": "1136",
        "city": "Luxembourg",
    }
    assert agent == "Responsible tests (tests@responsible.example)"


def test_nominatim_unreachable_or_knowing_nothing_finds_nothing(geocoding_on, settings):
    assert geocoding.geocoder().locate(geocoding.Address("", "", "Nowhere", "FR")) is None
    settings.GEOCODER_URL = "http://127.0.0.1:9"  # refuses connections
    assert geocoding.geocoder().locate(geocoding.Address("", "", "Metz", "FR")) is None


@pytest.mark.django_db
def test_a_new_address_is_geocoded_in_the_background_unless_the_supplier_placed_itself(
    geocoding_on, django_capture_on_commit_callbacks
):
    geocoding_on.places = [{"lat": "49.1193", "lon": "6.1757"}]
    supplier = SupplierFactory(city="Thionville")
    supplier.city = "Metz"
    with django_capture_on_commit_callbacks(execute=True):
        services.supplier_update(supplier=supplier)
    supplier.refresh_from_db()
    assert (supplier.latitude, supplier.longitude, supplier.location_source) == (49.1193, 6.1757, "geocoded")

    services.supplier_location_place(supplier=supplier, latitude=49.2, longitude=6.2)
    geocoding_on.places = [{"lat": "48.6921", "lon": "6.1844"}]
    supplier.city = "Nancy"
    with django_capture_on_commit_callbacks(execute=True):
        services.supplier_update(supplier=supplier)
    supplier.refresh_from_db()
    assert (supplier.latitude, supplier.longitude, supplier.location_source) == (49.2, 6.2, "placed")


@pytest.mark.django_db
def test_an_unchanged_address_is_not_geocoded_again(geocoding_on, django_capture_on_commit_callbacks):
    supplier = SupplierFactory(city="Metz")
    geocoding_on.asked.clear()
    supplier.description = "Now we also repair scooters."
    with django_capture_on_commit_callbacks(execute=True):
        services.supplier_update(supplier=supplier)
    assert geocoding_on.asked == []


# The workspace's location page ------------------------------------------------------------


def location_url(supplier):
    return reverse("workspace:location", kwargs={"slug": supplier.slug})


@pytest.mark.django_db
def test_an_administrator_places_the_supplier_by_its_coordinates(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(location_url(supplier), {"latitude": "49,6116", "longitude": " 6.1319 "}, follow=True)

    supplier.refresh_from_db()
    assert (supplier.latitude, supplier.longitude, supplier.location_source) == (49.6116, 6.1319, "placed")
    assert "Your location is saved" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "latitude, longitude, field, message",
    [
        ("91", "6", "latitude", "A latitude lies between −90 and 90."),
        ("49", "-180.5", "longitude", "A longitude lies between −180 and 180."),
        ("north", "6", "latitude", "Write a number in decimal degrees, e.g. 49.6116."),
        ("", "6", "latitude", "This field is required."),
        ("nan", "6", "latitude", "A latitude lies between −90 and 90."),
    ],
)
def test_coordinates_out_of_range_are_refused_with_a_message_and_kept(
    client, supplier, supplier_admin, latitude, longitude, field, message
):
    client.force_login(supplier_admin)

    response = client.post(location_url(supplier), {"latitude": latitude, "longitude": longitude})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert f'value="{longitude}"' in response.content.decode()  # nothing typed is lost
    supplier.refresh_from_db()
    assert supplier.latitude is None


@pytest.mark.django_db
def test_a_plain_member_sees_the_location_but_cannot_move_it(client, supplier, supplier_member):
    services.supplier_location_place(supplier=supplier, latitude=49.1, longitude=6.1)
    client.force_login(supplier_member)

    page = client.get(location_url(supplier))
    refused = client.post(location_url(supplier), {"latitude": "10", "longitude": "10"})

    assert page.status_code == 200 and "Latitude 49.1000, longitude 6.1000" in page.content.decode()
    assert refused.status_code == 403
    supplier.refresh_from_db()
    assert (supplier.latitude, supplier.longitude) == (49.1, 6.1)


@pytest.mark.django_db
def test_people_outside_the_supplier_cannot_open_its_location_page(client, supplier):
    assert client.get(location_url(supplier)).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(location_url(supplier)).status_code == 404
    assert client.post(location_url(supplier), {"latitude": "1", "longitude": "1"}).status_code == 404


@pytest.mark.django_db
def test_finding_from_the_address_with_the_geocoder_off_says_how_to_place_oneself(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(location_url(supplier), {"from_address": "1"}, follow=True)

    assert "Your address could not be placed on the map" in response.content.decode()
    supplier.refresh_from_db()
    assert supplier.latitude is None


@pytest.mark.django_db
def test_finding_from_the_address_places_the_supplier_where_the_geocoder_says(
    client, supplier, supplier_admin, geocoding_on
):
    geocoding_on.places = [{"lat": "49.1193", "lon": "6.1757"}]
    client.force_login(supplier_admin)

    client.post(location_url(supplier), {"from_address": "1"})

    supplier.refresh_from_db()
    assert (supplier.latitude, supplier.longitude, supplier.location_source) == (
        49.1193,
        6.1757,
        Supplier.LocationSource.GEOCODED,
    )
