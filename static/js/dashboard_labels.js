// Oscar's dashboard tables leave their selection checkboxes without a name (the rows'
// in its templates, "select all" made by its dashboard.js): name each for screen readers
// after the row's first link (the product's title, the order's number).
function dashboardCheckboxesName() {
    var words = document.getElementById("dashboard-labels").dataset;
    document.querySelectorAll('table input[type="checkbox"]').forEach(function (box) {
        if (box.labels.length || box.hasAttribute("aria-label")) {
            return;
        }
        if (box.name === "select_all") {
            box.setAttribute("aria-label", words.selectAll);
            return;
        }
        var row = box.closest("tr");
        var link = row && row.querySelector("a");
        box.setAttribute("aria-label", words.selectRow.replace("{name}", link ? link.textContent.trim() : box.value));
    });
}

// "Select all" is made by a jQuery "ready" handler of Oscar's pages; a handler added while
// those run is called after them.
jQuery(function () {
    jQuery(dashboardCheckboxesName);
});
