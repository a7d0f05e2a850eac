"""The buyer's declared spend (under impact/, next to the impact report)."""

from django.urls import path, register_converter

from marketplace.sourcing.exports import format_converter

from . import views

register_converter(format_converter("csv", "xlsx"), "spendfile")
app_name = "spend"

urlpatterns = [
    path("<slug:slug>/spend/", views.ImportListView.as_view(), name="imports"),
    path("<slug:slug>/spend/template.<spendfile:fmt>", views.SpendTemplateView.as_view(), name="template"),
    path("<slug:slug>/spend/<int:pk>/", views.ImportDetailView.as_view(), name="import"),
    path("<slug:slug>/spend/<int:pk>/delete/", views.ImportDeleteView.as_view(), name="import-delete"),
]
