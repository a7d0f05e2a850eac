from django.urls import path, register_converter

from marketplace.sourcing.exports import format_converter

from . import views

register_converter(format_converter("csv", "xlsx", "pdf"), "figures")
app_name = "network_dashboard"

urlpatterns = [
    path("<slug:slug>/dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("<slug:slug>/dashboard/figures.<figures:fmt>", views.DashboardExportView.as_view(), name="export"),
    path("<slug:slug>/dashboard/published-figures/", views.PublishedFiguresView.as_view(), name="published-figures"),
]
