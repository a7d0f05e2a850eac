from django.urls import path

from . import card_views, dashboard_views, views

app_name = "payments"

urlpatterns = [
    path("invoices/", views.InvoiceListView.as_view(), name="invoice-list"),
    path("invoices/<int:pk>/pdf/", views.InvoicePdfView.as_view(), name="invoice-pdf"),
    path("invoices/<int:pk>/ubl.xml", views.InvoiceUblView.as_view(), name="invoice-ubl"),
    path("invoices/<int:pk>/paid/", views.InvoiceMarkPaidView.as_view(), name="invoice-mark-paid"),
    path("stripe/webhook/", card_views.stripe_webhook, name="stripe-webhook"),
    path("card/<str:number>/", card_views.card_pay, name="card-pay"),
    path("card/<str:number>/confirm/", card_views.card_confirm, name="card-confirm"),
    path("card/<str:number>/return/", card_views.card_return, name="card-return"),
    path("card/<str:number>/cancel/", card_views.card_cancel, name="card-cancel"),
    path("dashboard/", dashboard_views.payments_panel, name="dashboard"),
    path("dashboard/<slug:slug>/onboarding/", dashboard_views.onboarding_start, name="onboarding-start"),
    path("dashboard/<slug:slug>/onboarding/return/", dashboard_views.onboarding_return, name="onboarding-return"),
]
