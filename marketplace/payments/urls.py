from django.urls import path  # noqa: F401  (the card and invoice views add their paths here)

app_name = "payments"

urlpatterns = []
