// Supplier directory: refresh the results in place when a filter, chip, page or
// sort changes, keeping every state in the URL (history, back button, sharing).
// Without JavaScript the same links and forms load whole pages.
(function () {
    "use strict";
    var root = document.querySelector("[data-directory]");
    var searchForm = document.querySelector("[data-directory-form]");
    if (!root || !window.fetch || !window.history || !window.history.pushState) {
        return;
    }
    document.documentElement.classList.add("directory-js");

    function syncSearchForm(url) {
        // The text box keeps the filters of the page it is on.
        if (!searchForm) {
            return;
        }
        searchForm.querySelectorAll("input[type=hidden]").forEach(function (input) { input.remove(); });
        new URL(url, window.location.href).searchParams.forEach(function (value, name) {
            if (name === "q" || name === "page") {
                if (name === "q") { searchForm.elements.q.value = value; }
                return;
            }
            var input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            input.value = value;
            searchForm.appendChild(input);
        });
    }

    function load(url, push) {
        root.setAttribute("aria-busy", "true");
        return fetch(url, { headers: { "X-Requested-With": "directory" }, credentials: "same-origin" })
            .then(function (response) { return response.text(); })
            .then(function (html) {
                root.innerHTML = html;
                if (push) {
                    window.history.pushState({ directory: true }, "", url);
                }
                syncSearchForm(url);
            })
            .catch(function () { window.location.href = url; })
            .finally(function () { root.removeAttribute("aria-busy"); });
    }

    root.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-directory-link]");
        if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        load(link.href, true);
    });

    root.addEventListener("change", function (event) {
        var form = event.target.closest("[data-directory-sort]");
        if (!form) {
            return;
        }
        var params = new URLSearchParams(new FormData(form));
        load(window.location.pathname + "?" + params.toString(), true);
    });

    window.addEventListener("popstate", function () {
        load(window.location.href, false);
    });
})();
