from django.urls import path

from marketplace.organisations.models import Buyer, Supplier

from . import views

app_name = "webhooks"


def _routes(prefix: str, kind: str, model) -> list:
    def route(suffix, view, name):
        return path(
            f"{prefix}/<slug:slug>/webhooks/{suffix}", view.as_view(organisation_model=model), name=f"{kind}-{name}"
        )

    return [
        route("", views.EndpointListView, "endpoints"),
        route("new/", views.EndpointFormView, "endpoint-new"),
        route("<int:pk>/", views.EndpointDetailView, "endpoint"),
        route("<int:pk>/edit/", views.EndpointFormView, "endpoint-edit"),
        route("<int:pk>/do/<str:action>/", views.EndpointActionView, "endpoint-action"),
        route("<int:pk>/deliveries/<int:delivery_pk>/", views.DeliveryDetailView, "delivery"),
        route("<int:pk>/deliveries/<int:delivery_pk>/redeliver/", views.RedeliverView, "redeliver"),
    ]


urlpatterns = _routes("suppliers", "supplier", Supplier) + _routes("buyers", "buyer", Buyer)
