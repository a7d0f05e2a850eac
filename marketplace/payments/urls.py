from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("invoices/", views.InvoiceListView.as_view(), name="invoice-list"),
    path("invoices/<int:pk>/pdf/", views.InvoicePdfView.as_view(), name="invoice-pdf"),
    path("invoices/<int:pk>/paid/", views.InvoiceMarkPaidView.as_view(), name="invoice-mark-paid"),
]
