from django.urls import path, register_converter

from marketplace.sourcing.exports import format_converter

from . import views

register_converter(format_converter("csv", "xlsx", "pdf"), "report")
app_name = "impact"

urlpatterns = [
    path("", views.ImpactHomeView.as_view(), name="home"),
    path("<slug:slug>/", views.ImpactReportView.as_view(), name="report"),
    path("<slug:slug>/export.<report:fmt>", views.ImpactExportView.as_view(), name="export"),
]
