/* The need form tells, while the buyer chooses sectors and a place, how many verified
   suppliers the need would reach (GET /needs/match-count/). Without JavaScript the
   count is shown once the need is published. */
(function () {
    "use strict";
    var form = document.querySelector("form[data-match-count-url]");
    var output = document.getElementById("match-count");
    if (!form || !output) { return; }
    var timer = null;

    function refresh() {
        var params = new URLSearchParams();
        form.querySelectorAll("input[name=sectors]:checked").forEach(function (box) {
            params.append("sectors", box.value);
        });
        ["country", "region", "buyer"].forEach(function (name) {
            var field = form.elements[name];
            if (field && field.value) { params.append(name, field.value); }
        });
        var reserved = form.elements.reserved_contract;
        if (reserved && reserved.checked) { params.append("reserved_contract", "on"); }
        fetch(form.dataset.matchCountUrl + "?" + params.toString(), {credentials: "same-origin"})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) { if (data) { output.textContent = data.text; } })
            .catch(function () { /* the count is a help, never a blocker */ });
    }

    form.addEventListener("change", function (event) {
        if (["sectors", "country", "region", "buyer", "reserved_contract"].indexOf(event.target.name) < 0) { return; }
        clearTimeout(timer);
        timer = setTimeout(refresh, 200);
    });
    refresh();
})();
