"""The supplier's security log, as a page of its workspace."""

from django.urls import path

from . import views

app_name = "audit_workspace"

urlpatterns = [path("<slug:slug>/security/", views.SupplierEventsView.as_view(), name="events")]
