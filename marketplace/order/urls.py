from django.urls import path

from . import views

app_name = "purchases"

urlpatterns = [
    path("", views.PurchaseListView.as_view(), name="list"),
    path("<str:number>/", views.PurchaseDetailView.as_view(), name="detail"),
    path(
        "<str:number>/<str:part_number>/delivery-note.pdf",
        views.PartDeliveryNoteView.as_view(),
        name="delivery-note",
    ),
]
