from django.urls import path

from . import views

app_name = "networks_workspace"

urlpatterns = [
    path("<slug:slug>/networks/", views.SupplierNetworksView.as_view(), name="networks"),
    path(
        "<slug:slug>/networks/<slug:network_slug>/<str:action>/",
        views.SupplierNetworkActionView.as_view(),
        name="network-action",
    ),
]
