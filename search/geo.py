"""Distances on the Earth for the "within N km of a place" filter, the same on every backend.

The Earth is a sphere of Elasticsearch's mean radius (GeoUtils.EARTH_MEAN_RADIUS, 6,371,008.7714 m),
and distances are great-circle distances by the haversine formula, as Elasticsearch's
`geo_distance` filter computes them (its default `distance_type: arc`): a supplier at the
border of a radius is in or out on both backends alike."""

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0087714
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180  # along a meridian: ≈ 111.2 km
RADII_KM = (5, 10, 25, 50, 100, 250)
DEFAULT_RADIUS_KM = 25
# The box is widened by this much (about 1 cm) so that rounding never leaves out a point at the border.
MARGIN_DEGREES = 1e-7


@dataclass(frozen=True)
class Near:
    """A place and a radius: the suppliers within `km` kilometres of (latitude, longitude)."""

    latitude: float
    longitude: float
    km: int
    place: str = ""  # how the person named it (a town of the gazetteer, or the coordinates)

    def distance_to(self, latitude: float, longitude: float) -> float:
        return haversine_km(self.latitude, self.longitude, latitude, longitude)

    def contains(self, latitude: float | None, longitude: float | None) -> bool:
        return latitude is not None and longitude is not None and self.distance_to(latitude, longitude) <= self.km

    def bounding_box(self) -> tuple[float, float, float, float]:
        """(south, north, west, east) in degrees, holding every point within the radius: a cheap
        prefilter before the exact distance. A box that would cross a pole or the antimeridian
        spans every longitude (nothing we list lies there)."""
        delta_lat = self.km / KM_PER_DEGREE + MARGIN_DEGREES
        south, north = self.latitude - delta_lat, self.latitude + delta_lat
        if south <= -90 or north >= 90:
            return max(south, -90.0), min(north, 90.0), -180.0, 180.0
        # The widest longitude span is at the box's latitude farthest from the equator.
        delta_lon = (
            math.degrees(
                math.asin(min(1.0, math.sin(self.km / EARTH_RADIUS_KM) / math.cos(math.radians(self.latitude))))
            )
            + MARGIN_DEGREES
        )
        west, east = self.longitude - delta_lon, self.longitude + delta_lon
        if west < -180 or east > 180:
            return south, north, -180.0, 180.0
        return south, north, west, east


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """ "49.6116, 6.1319" (latitude, longitude in decimal degrees) or None when it is not that
    or out of range."""
    parts = text.replace(";", ",").split(",")
    if len(parts) != 2:
        return None
    try:
        latitude, longitude = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude
