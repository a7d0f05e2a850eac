from django.urls import path

from . import views

app_name = "verification"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("<str:kind>/<int:pk>/", views.DecideView.as_view(), name="decide"),
    path("<str:kind>/<int:pk>/evidence/", views.EvidenceView.as_view(), name="evidence"),
]
