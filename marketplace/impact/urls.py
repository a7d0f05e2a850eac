from django.urls import path, register_converter

from . import views


class ReportFormat:
    regex = "csv|xlsx|pdf"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReportFormat, "report")
app_name = "impact"

urlpatterns = [
    path("", views.ImpactHomeView.as_view(), name="home"),
    path("<slug:slug>/", views.ImpactReportView.as_view(), name="report"),
    path("<slug:slug>/export.<report:fmt>", views.ImpactExportView.as_view(), name="export"),
]
