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
}());
