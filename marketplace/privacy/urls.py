from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.PrivacyView.as_view(), name="notice"),
    path("my-data/", views.MyDataView.as_view(), name="my-data"),
    path("my-data/export/", views.ExportView.as_view(), name="export"),
    path("organisations/<slug:slug>/leave/", views.OrganisationEraseView.as_view(), name="organisation-erase"),
]
