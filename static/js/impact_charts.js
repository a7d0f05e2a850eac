/* Draws the charts of the impact report and the network dashboard from the figures the
   page embeds (json_script "impact-charts"), with Chart.js served from our own static
   files. The tables next to each chart hold the same figures for screen readers and
   printing. A chart is horizontal bars in EUR unless it says `vertical` and its `unit`. */
(function () {
    "use strict";
    var source = document.getElementById("impact-charts");
    if (!source || typeof Chart === "undefined") { return; }
    var charts = JSON.parse(source.textContent);
    var palette = ["#1d5e4b", "#2d7a61", "#8a5a14", "#3b5b8c", "#7a3b69", "#2f6f7a", "#5b6b2f", "#9c4a2f"];
    Object.keys(charts).forEach(function (key) {
        var canvas = document.getElementById("chart-" + key);
        var chart = charts[key];
        if (!canvas || !chart.labels.length) { return; }
        var valueAxis = {beginAtZero: true, title: {display: true, text: chart.unit || "EUR"}};
        new Chart(canvas, {
            type: "bar",
            data: {
                labels: chart.labels,
                datasets: [{
                    label: chart.title,
                    data: chart.values.map(Number),
                    backgroundColor: chart.vertical ? palette[0]
                        : chart.labels.map(function (_, i) { return palette[i % palette.length]; })
                }]
            },
            options: {
                indexAxis: chart.vertical ? "x" : "y",
                animation: false,
                maintainAspectRatio: false,
                plugins: {legend: {display: false}},
                scales: chart.vertical ? {y: valueAxis} : {x: valueAxis}
            }
        });
    });
})();
