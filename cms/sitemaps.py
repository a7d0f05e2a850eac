"""sitemap.xml: every published public page, and the profiles of verified suppliers."""

from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from marketplace.organisations.models import Supplier


class SupplierSitemap(PageSitemap):
    """Supplier profiles at the Wagtail site's address, like the pages beside them."""

    def items(self):
        return Supplier.objects.verified().only("slug", "updated_at").order_by("name")

    def _urls(self, page, protocol, domain):
        root_url = self.get_wagtail_site().root_url
        urls = [
            {"item": supplier, "location": root_url + supplier.get_absolute_url(), "lastmod": supplier.updated_at}
            for supplier in self.paginator.page(page).object_list
        ]
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


SITEMAPS = {"pages": PageSitemap, "suppliers": SupplierSitemap}
