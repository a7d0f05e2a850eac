"""The workspace's page of claims (under workspace/, as the workspace's own)."""

from django.urls import path

from . import views

app_name = "verification_workspace"

urlpatterns = [path("<slug:slug>/claims/", views.ClaimsView.as_view(), name="claims")]
