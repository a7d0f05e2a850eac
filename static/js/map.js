/* Maps with Leaflet, served from our static files (static/vendor/leaflet/).

   [data-map]: the markers a page embeds (json_script named by data-markers: name, url, town,
   latitude, longitude), clustered when data-cluster is set; each popup links to the profile.
   The list next to every map says the same in text. Tiles come from data-tiles; when they
   cannot be reached the markers still show on a blank background.

   [data-map-picker]: a supplier places itself: a click or a dragged marker fills the latitude
   and longitude fields (named by data-latitude / data-longitude), and typing in them moves
   the marker, so the fields alone do the job for keyboard and screen-reader users. */
(function () {
    "use strict";
    if (typeof L === "undefined") { return; }
    var DEFAULT_CENTRE = [49.6, 6.1];  // the Greater Region, where most demo suppliers work

    function baseMap(element) {
        var map = L.map(element, {scrollWheelZoom: false}).setView(DEFAULT_CENTRE, 6);
        L.tileLayer(element.dataset.tiles, {
            maxZoom: 18,
            attribution: element.dataset.attribution || ""
        }).addTo(map);
        return map;
    }

    function popup(marker) {
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = marker.url;
        link.textContent = marker.name;
        box.appendChild(link);
        if (marker.town) {
            box.appendChild(document.createElement("br"));
            box.appendChild(document.createTextNode(marker.town));
        }
        return box;
    }

    document.querySelectorAll("[data-map]").forEach(function (element) {
        var source = document.getElementById(element.dataset.markers);
        var markers = source ? JSON.parse(source.textContent) : [];
        var map = baseMap(element);
        var layer = element.hasAttribute("data-cluster") && L.markerClusterGroup ? L.markerClusterGroup() : L.featureGroup();
        markers.forEach(function (m) {
            L.marker([m.latitude, m.longitude], {title: m.name, alt: m.name}).bindPopup(popup(m)).addTo(layer);
        });
        layer.addTo(map);
        if (markers.length === 1) {
            map.setView([markers[0].latitude, markers[0].longitude], 11);
        } else if (markers.length) {
            map.fitBounds(layer.getBounds(), {padding: [24, 24], maxZoom: 12});
        }
    });

    document.querySelectorAll("[data-map-picker]").forEach(function (element) {
        var latitude = document.getElementById(element.dataset.latitude);
        var longitude = document.getElementById(element.dataset.longitude);
        var map = baseMap(element);
        var marker = null;

        function typed() {
            var lat = parseFloat(String(latitude.value).replace(",", "."));
            var lon = parseFloat(String(longitude.value).replace(",", "."));
            return (isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) ? [lat, lon] : null;
        }

        function fill(latlng) {
            latitude.value = latlng.lat.toFixed(6);
            longitude.value = latlng.lng.toFixed(6);
        }

        function place(latlng) {
            if (!marker) {
                marker = L.marker(latlng, {draggable: true, alt: element.dataset.markerLabel || ""}).addTo(map);
                marker.on("dragend", function () { fill(marker.getLatLng()); });
            } else {
                marker.setLatLng(latlng);
            }
        }

        var start = typed();
        if (start) {
            place(start);
            map.setView(start, 13);
        }
        map.on("click", function (event) {
            place(event.latlng);
            fill(event.latlng);
        });
        [latitude, longitude].forEach(function (input) {
            input.addEventListener("change", function () {
                var point = typed();
                if (point) {
                    place(point);
                    map.panTo(point);
                }
            });
        });
    });
})();

