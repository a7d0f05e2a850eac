from django.urls import path

from marketplace.organisations.models import Buyer, Supplier

from . import views

app_name = "apikeys"

urlpatterns = [
    path("suppliers/<slug:slug>/api-keys/", views.ApiKeysView.as_view(organisation_model=Supplier),
         name="supplier-keys"),
    path("suppliers/<slug:slug>/api-keys/<int:pk>/revoke/", views.ApiKeyRevokeView.as_view(organisation_model=Supplier),
         name="supplier-key-revoke"),
    path("buyers/<slug:slug>/api-keys/", views.ApiKeysView.as_view(organisation_model=Buyer), name="buyer-keys"),
    path("buyers/<slug:slug>/api-keys/<int:pk>/revoke/", views.ApiKeyRevokeView.as_view(organisation_model=Buyer),
         name="buyer-key-revoke"),
]  # fmt: skip
