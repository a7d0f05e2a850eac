/* The distance filter's "Use my position" button (data-locate names the place field): shown
   only where the browser can tell its position; it writes "latitude, longitude" in the field,
   which the search reads as coordinates. If the person refuses, a message says so. */
(function () {
    "use strict";
    document.querySelectorAll("[data-locate]").forEach(function (button) {
        if (!navigator.geolocation) { return; }
        var field = document.getElementById(button.dataset.locate);
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.geolocation.getCurrentPosition(function (position) {
                field.value = position.coords.latitude.toFixed(4) + ", " + position.coords.longitude.toFixed(4);
                field.dispatchEvent(new Event("change"));
            }, function () {
                button.setAttribute("aria-describedby", button.dataset.errorId);
                document.getElementById(button.dataset.errorId).hidden = false;
            }, {timeout: 10000});
        });
    });
})();
