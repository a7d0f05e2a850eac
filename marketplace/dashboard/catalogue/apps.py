from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import apps
from oscar.core.loading import get_class


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Fork of Oscar's catalogue dashboard: operators import a supplier's products from a
    file, and the product form offers the supplier's VAT rates by name."""

    name = "marketplace.dashboard.catalogue"
    verbose_name = _("Catalogue dashboard")

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        may_import = DashboardPermission.get("catalogue", "view_product", "add_product", "change_product")
        for name in (
            "catalogue-product-import",
            "catalogue-product-import-preview",
            "catalogue-product-import-confirm",
            "catalogue-product-import-template-csv",
            "catalogue-product-import-template-xlsx",
        ):
            self.permissions_map[name] = may_import

    def get_urls(self):
        from . import import_views as views

        urls = super().get_urls()
        urls += self.post_process_urls(
            [
                path("import/", views.ProductImportUploadView.as_view(), name="catalogue-product-import"),
                path(
                    "import/<int:pk>/",
                    views.ProductImportPreviewView.as_view(),
                    name="catalogue-product-import-preview",
                ),
                path(
                    "import/<int:pk>/confirm/",
                    views.ProductImportConfirmView.as_view(),
                    name="catalogue-product-import-confirm",
                ),
                path(
                    "import/template.csv",
                    views.template_download,
                    {"fmt": "csv"},
                    name="catalogue-product-import-template-csv",
                ),
                path(
                    "import/template.xlsx",
                    views.template_download,
                    {"fmt": "xlsx"},
                    name="catalogue-product-import-template-xlsx",
                ),
            ]
        )
        return urls
