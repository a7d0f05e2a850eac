from django.urls import path

from . import products, views

app_name = "workspace"

urlpatterns = [
    path("", views.WorkspaceHomeView.as_view(), name="home"),
    path("<slug:slug>/", views.OverviewView.as_view(), name="overview"),
    path("<slug:slug>/orders/", views.PartListView.as_view(), name="part-list"),
    path("<slug:slug>/orders/<str:number>/", views.PartDetailView.as_view(), name="part-detail"),
    path("<slug:slug>/orders/<str:number>/step/", views.PartStepView.as_view(), name="part-step"),
    path(
        "<slug:slug>/orders/<str:number>/delivery-note.pdf",
        views.PartDeliveryNoteView.as_view(),
        name="part-delivery-note",
    ),
    path("<slug:slug>/products/", views.ProductListView.as_view(), name="product-list"),
    path("<slug:slug>/products/new/", products.ProductFormView.as_view(), name="product-new"),
    path("<slug:slug>/products/<int:pk>/", products.ProductFormView.as_view(), name="product-edit"),
    path("<slug:slug>/products/<int:pk>/photos/", products.ProductPhotosView.as_view(), name="product-photos"),
    path("<slug:slug>/products/<int:pk>/photos/new/", products.ProductPhotoAddView.as_view(), name="product-photo-add"),
    path("<slug:slug>/products/export.<str:fmt>", products.ProductExportView.as_view(), name="product-export"),
    path("<slug:slug>/products/import/", products.ProductImportView.as_view(), name="product-import"),
    path(
        "<slug:slug>/products/import/<int:pk>/",
        products.ProductImportPreviewView.as_view(),
        name="product-import-preview",
    ),
    path("<slug:slug>/quotes/", views.QuotesView.as_view(), name="quotes"),
    path("<slug:slug>/money/", views.MoneyView.as_view(), name="money"),
    path("<slug:slug>/location/", views.LocationView.as_view(), name="location"),
]
