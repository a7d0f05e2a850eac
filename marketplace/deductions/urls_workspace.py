"""The workspace's pages of legal statuses (under workspace/, as the workspace's own)."""

from django.urls import path

from . import views

app_name = "deductions_workspace"

urlpatterns = [
    path("<slug:slug>/legal-status/", views.LegalStatusView.as_view(), name="legal-status"),
    path("<slug:slug>/legal-status/labour-shares/", views.LabourSharesView.as_view(), name="labour-shares"),
]
