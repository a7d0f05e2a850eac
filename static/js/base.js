/* Every page. Behaviour that templates used to write inline (onclick, onload), which the
   Content-Security-Policy does not run, is attached here through data- attributes. */
(function () {
    "use strict";
    // Styles written for pages without JavaScript step aside.
    document.documentElement.classList.remove("no-js");

    // Oscar's "or cancel" links of its forms go back one page.
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("[data-history-back]");
        if (link) {
            event.preventDefault();
            window.history.back();
        }
    });

    // Oscar's image upload widget: its preview hides the upload button once the image
    // loads, and shows it again (with a message) when the file is no image.
    function uploadButton(image) {
        return image.dataset && image.dataset.uploadButton && document.querySelector(image.dataset.uploadButton);
    }
    document.addEventListener("load", function (event) {
        var button = uploadButton(event.target);
        if (button) { button.style.display = "none"; }
    }, true);
    document.addEventListener("error", function (event) {
        var button = uploadButton(event.target);
        if (button) {
            button.style.display = "";
            window.alert(event.target.dataset.unrecognised);
        }
    }, true);

    // Under each textarea with a limit (maxlength), how much of it is used: "123 / 5,000
    // characters". Sighted people see it change as they type; screen readers hear it
    // once typing pauses, not at every key. The words come from <body data-char-count>.
    var words = document.body.dataset;
    var number;
    try {
        number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    } catch (error) {
        number = new Intl.NumberFormat();
    }
    // As the server counts: a line break is sent as two characters (CR LF).
    function length(area) { return area.value.replace(/\r?\n/g, "\r\n").length; }
    function countText(area) {
        var limit = parseInt(area.getAttribute("maxlength"), 10);
        var count = length(area);
        var over = count > limit;
        return (over ? words.charCountOver : words.charCount)
            .replace("{count}", number.format(count))
            .replace("{limit}", number.format(limit))
            .replace("{over}", number.format(count - limit));
    }
    function counterFor(area) {
        if (!words.charCount || area.dataset.charCounted) { return; }
        area.dataset.charCounted = "true";
        var shown = document.createElement("small");
        shown.className = "form-text text-muted char-count";
        shown.setAttribute("aria-hidden", "true");
        var spoken = document.createElement("span");
        spoken.className = "sr-only";
        spoken.setAttribute("aria-live", "polite");
        area.insertAdjacentElement("afterend", spoken);
        area.insertAdjacentElement("afterend", shown);
        var pause;
        function update(announce) {
            var text = countText(area);
            shown.textContent = text;
            var over = length(area) > parseInt(area.getAttribute("maxlength"), 10);
            shown.classList.toggle("text-danger", over);
            shown.classList.toggle("text-muted", !over);
            window.clearTimeout(pause);
            if (announce) {
                pause = window.setTimeout(function () { spoken.textContent = text; }, 1000);
            }
        }
        area.addEventListener("input", function () { update(true); });
        update(false);
    }
    document.querySelectorAll("textarea[maxlength]").forEach(counterFor);

    // Filters drawer of the supplier directory and product search: open on wide screens,
    // where the filters sit beside the results; closed on phones once the page loads (the
    // results come first), opened by its summary or the "Filters" link above the results.
    var wide = window.matchMedia("(min-width: 992px)");
    function drawers(open) {
        document.querySelectorAll("[data-filters-drawer]").forEach(function (drawer) { drawer.open = open; });
    }
    drawers(wide.matches);
    wide.addEventListener("change", function () { drawers(wide.matches); });
    document.addEventListener("click", function (event) {
        var jump = event.target.closest && event.target.closest("[data-filters-open]");
        if (jump) { drawers(true); }
    });

    // A table wider than its box scrolls inside it: keyboard users reach it (tabindex) and
    // screen readers hear what it holds (a region named after the table's caption or heading).
    function scrollable(box) {
        var overflows = box.scrollWidth > box.clientWidth;
        if (!overflows) {
            if (box.dataset.scrollable) { box.removeAttribute("tabindex"); box.removeAttribute("role"); }
            return;
        }
        box.dataset.scrollable = "true";
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
            var caption = box.querySelector("caption");
            var heading = caption ? null : box.closest("section, .card, main");
            heading = heading && heading.querySelector("h1, h2, h3");
            box.setAttribute("aria-label", (caption || heading || { textContent: document.title }).textContent.trim());
        }
    }
    function scrollables() { document.querySelectorAll(".table-responsive").forEach(scrollable); }
    scrollables();
    window.addEventListener("resize", scrollables);
}());
