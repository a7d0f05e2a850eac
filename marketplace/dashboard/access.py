"""Who may use the shop dashboard: operators (staff with Oscar's model permissions).
Suppliers' members work in their workspace; an old bookmark or e-mail link to a
dashboard page takes them to the workspace page that matches it."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.dashboard.catalogue.models import ProductImport
from marketplace.workspace.selectors import workspace_suppliers

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

# Dashboard pages (by URL name) with a workspace page of one supplier for the same thing.
SECTION_PAGES = {
    "catalogue-product-list": "workspace:product-list",
    "catalogue-product-create": "workspace:product-new",
    "catalogue-product-import": "workspace:product-import",
    "order-list": "workspace:part-list",
}
ORDER_PAGES = {"order-detail", "order-detail-note", "order-line-detail", "order-shipping-address"}
IMPORT_PAGES = {"catalogue-product-import-preview", "catalogue-product-import-confirm"}


def workspace_url_for(*, user, url_name: str, kwargs: dict) -> str:
    """The workspace page matching dashboard page `url_name` (with its URL kwargs) for a
    member of suppliers: the product, order part or import when it is one of theirs,
    the section of their only supplier, else the workspace's home (which lets a member
    of several suppliers choose)."""
    suppliers = list(workspace_suppliers(user).select_related("partner"))
    if url_name == "catalogue-product" and "pk" in kwargs:
        for supplier in suppliers:
            if Product.objects.filter(pk=kwargs["pk"], stockrecords__partner=supplier.partner).exists():
                return reverse("workspace:product-edit", kwargs={"slug": supplier.slug, "pk": kwargs["pk"]})
    if url_name in ORDER_PAGES:
        part = Order.objects.filter(number=kwargs.get("number"), supplier__in=suppliers).select_related("supplier")
        if part := part.first():
            return reverse("workspace:part-detail", kwargs={"slug": part.supplier.slug, "number": part.number})
    if url_name in IMPORT_PAGES:
        product_import = ProductImport.objects.filter(pk=kwargs.get("pk"), supplier__in=suppliers).first()
        if product_import is not None:
            slug = next(supplier.slug for supplier in suppliers if supplier.pk == product_import.supplier_id)
            return reverse("workspace:product-import-preview", kwargs={"slug": slug, "pk": product_import.pk})
    if url_name in SECTION_PAGES and len(suppliers) == 1:
        return reverse(SECTION_PAGES[url_name], kwargs={"slug": suppliers[0].slug})
    return reverse("workspace:home")


class SupplierDashboardRedirectMiddleware:
    """Sends a signed-in supplier's member (not staff) who opens any page of Oscar's
    dashboard to their workspace, before the dashboard's own check answers 403. Everybody
    else meets the dashboard's usual check (anonymous visitors sign in, others get 403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = request.user
        if match is None or match.app_name != "dashboard" or not user.is_authenticated or user.is_staff:
            return None
        if not workspace_suppliers(user).exists():
            return None
        messages.info(request, _("The shop dashboard is for the operators: your products and orders are here."))
        return HttpResponseRedirect(workspace_url_for(user=user, url_name=match.url_name, kwargs=view_kwargs))
