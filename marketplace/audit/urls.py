from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [path("buyers/<slug:slug>/security/", views.BuyerEventsView.as_view(), name="buyer-events")]
