from django.urls import path

from . import dashboard_views, views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("card/<str:number>/", views.card_pay, name="card-pay"),
    path("card/<str:number>/confirm/", views.card_confirm, name="card-confirm"),
    path("card/<str:number>/return/", views.card_return, name="card-return"),
    path("card/<str:number>/cancel/", views.card_cancel, name="card-cancel"),
    path("dashboard/", dashboard_views.payments_panel, name="dashboard"),
    path("dashboard/<slug:slug>/onboarding/", dashboard_views.onboarding_start, name="onboarding-start"),
    path("dashboard/<slug:slug>/onboarding/return/", dashboard_views.onboarding_return, name="onboarding-return"),
]
