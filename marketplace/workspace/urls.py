from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.WorkspaceHomeView.as_view(), name="home"),
    path("<slug:slug>/", views.OverviewView.as_view(), name="overview"),
    path("<slug:slug>/orders/", views.PartListView.as_view(), name="part-list"),
    path("<slug:slug>/orders/<str:number>/", views.PartDetailView.as_view(), name="part-detail"),
    path("<slug:slug>/orders/<str:number>/step/", views.PartStepView.as_view(), name="part-step"),
    path("<slug:slug>/products/", views.ProductListView.as_view(), name="product-list"),
    path("<slug:slug>/quotes/", views.QuotesView.as_view(), name="quotes"),
    path("<slug:slug>/money/", views.MoneyView.as_view(), name="money"),
]
