"""Geocoding: from a postal address to coordinates, for the maps and the distance filter.

Reached through a small interface (Geocoder) chosen by settings.GEOCODER: "off" (the default,
in tests and development: no address is ever sent anywhere) or "nominatim", OpenStreetMap's
geocoder, whose usage policy asks for an identifying user agent and at most one request a
second (geocoding runs in the background, one supplier at a time)."""

import logging
from dataclasses import dataclass
from typing import Protocol

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str
    country: str  # ISO 3166 alpha-2


@dataclass(frozen=True)
class Coordinates:
    latitude: float
    longitude: float


class Geocoder(Protocol):
    def locate(self, address: Address) -> Coordinates | None:
        """The address's coordinates, or None when unknown or the service cannot answer."""


class Off:
    """Geocodes nothing: suppliers place themselves on the map."""

    def locate(self, address: Address) -> Coordinates | None:
        return None


class Nominatim:
    """OpenStreetMap's Nominatim search API (or a server of one's own at `url`)."""

    def __init__(self, *, url: str, user_agent: str, timeout: float):
        self.url = f"{url.rstrip('/')}/search"
        self.user_agent = user_agent
        self.timeout = timeout

    def locate(self, address: Address) -> Coordinates | None:
        params = {
            "format": "jsonv2",
            "limit": 1,
            "countrycodes": address.country.lower(),
            "street": address.street,
            "postalcode": address.postcode,
            "city": address.city,
        }
        try:
            response = requests.get(
                self.url,
                params={key: value for key, value in params.items() if value},
                headers={"User-Agent": self.user_agent},
                timeout=self.timeout,
            )
            response.raise_for_status()
            places = response.json()
            if not places:
                return None
            return Coordinates(latitude=float(places[0]["lat"]), longitude=float(places[0]["lon"]))
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            logger.warning("Nominatim could not geocode %s, %s: %s", address.city, address.country, error)
            return None


def geocoder() -> Geocoder:
    if settings.GEOCODER == "nominatim":
        return Nominatim(
            url=settings.GEOCODER_URL, user_agent=settings.GEOCODER_USER_AGENT, timeout=settings.GEOCODER_TIMEOUT
        )
    return Off()
