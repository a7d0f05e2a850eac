// Starts Swagger UI on /api/docs with the settings the page holds as JSON
// (an external script: the Content-Security-Policy allows no inline one).
(function () {
    "use strict";
    var settings = JSON.parse(document.getElementById("swagger-settings").textContent);
    settings.dom_id = "#swagger-ui";
    settings.presets = [window.SwaggerUIBundle.presets.apis];
    window.SwaggerUIBundle(settings);
})();
