"""{% supplier_map markers label %}: a map of suppliers (static/js/map.js), with the tile
server of the settings. The page shows the same suppliers as a list: the map's text alternative."""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("includes/map.html")
def supplier_map(markers, label, cluster=False):
    """markers: organisations.selectors.map_data(...)."""
    return {
        "markers": markers,
        "label": label,
        "cluster": cluster,
        "tiles_url": settings.MAP_TILES_URL,
        "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }


@register.inclusion_tag("includes/map_assets.html")
def map_assets(cluster=False):
    """Leaflet's styles and scripts, then ours: once per page, before `</body>`."""
    return {"cluster": cluster}


@register.inclusion_tag("includes/location_picker.html")
def location_picker(latitude_id, longitude_id, label):
    """A map where a click or a drag fills the latitude and longitude fields of these ids."""
    return {
        "latitude_id": latitude_id,
        "longitude_id": longitude_id,
        "label": label,
        "tiles_url": settings.MAP_TILES_URL,
        "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }
