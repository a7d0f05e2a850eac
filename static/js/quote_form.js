/* The quote form: one more empty line copies the last row with fresh names
   (without JavaScript the supplier submits with the lines shown). */
$(function () {
    "use strict";
    $("[data-add-line]").on("click", function () {
        var total = $("#id_lines-TOTAL_FORMS"), n = parseInt(total.val(), 10);
        var row = $(".quote-line").last().clone();
        row.find("input").each(function () {
            this.name = this.name.replace(/lines-\d+-/, "lines-" + n + "-");
            this.id = this.id.replace(/lines-\d+-/, "lines-" + n + "-");
            if (this.name.slice(-9) !== "-vat_rate") { this.value = ""; }
        });
        row.find(".invalid-feedback").remove();
        row.appendTo(".quote-lines tbody");
        total.val(n + 1);
    });
});
