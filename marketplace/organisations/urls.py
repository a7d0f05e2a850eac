from django.urls import path

from search.views import SupplierDirectoryView, SupplierMapView

from . import views
from .models import Buyer, Supplier

app_name = "organisations"

urlpatterns = [
    path("suppliers/", SupplierDirectoryView.as_view(), name="supplier-list"),
    path("suppliers/map/", SupplierMapView.as_view(), name="supplier-map"),
    path("suppliers/<slug:slug>/", views.SupplierDetailView.as_view(), name="supplier-detail"),
    path("suppliers/<slug:slug>/edit/", views.SupplierEditView.as_view(), name="supplier-edit"),
    path("suppliers/<slug:slug>/members/", views.MembersView.as_view(), name="supplier-members"),
    path(
        "suppliers/<slug:slug>/members/<int:pk>/<str:action>/",
        views.MemberChangeView.as_view(organisation_model=Supplier),
        name="supplier-member-change",
    ),
    path("buyers/<slug:slug>/", views.BuyerDetailView.as_view(), name="buyer-detail"),
    path("buyers/<slug:slug>/edit/", views.BuyerEditView.as_view(), name="buyer-edit"),
    path("buyers/<slug:slug>/members/", views.MembersView.as_view(organisation_model=Buyer), name="buyer-members"),
    path(
        "buyers/<slug:slug>/members/<int:pk>/<str:action>/",
        views.MemberChangeView.as_view(organisation_model=Buyer),
        name="buyer-member-change",
    ),
    path("networks/", views.NetworkListView.as_view(), name="network-list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network-detail"),
    path("join/", views.JoinView.as_view(), name="join"),
    path("join/social-enterprise/", views.SupplierRegisterView.as_view(), name="supplier-register"),
    path("join/buyer/", views.BuyerRegisterView.as_view(), name="buyer-register"),
    path("join/invitation/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
