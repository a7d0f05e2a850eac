"""The buyer's pages (under impact/, next to the impact report)."""

from django.urls import path

from . import views

app_name = "deductions"

urlpatterns = [
    path("<slug:slug>/deductions/", views.DeductionsView.as_view(), name="report"),
    path(
        "<slug:slug>/deductions/<int:year>/<slug:supplier_slug>.pdf",
        views.CertificateView.as_view(),
        name="certificate",
    ),
]
