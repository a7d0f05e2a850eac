"""sitemap.xml: every published public page in each of its languages, and the profiles of verified suppliers."""

import operator
from functools import reduce

from django.conf import settings
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from marketplace.organisations.models import Supplier


class PageSitemap(Sitemap):
    """The pages of the site's tree in every language, each translation under its own
    address (/fr/…). Wagtail's own lists the default language's tree only."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = reduce(operator.or_, (Page.objects.descendant_of_q(root, inclusive=True) for root in roots))
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()


class SupplierSitemap(Sitemap):
    """Supplier profiles at the Wagtail site's address, like the pages beside them: each
    profile once per language, every entry naming the others (hreflang alternates)."""

    def items(self):
        return Supplier.objects.verified().only("slug", "updated_at").order_by("name")

    def _urls(self, page, protocol, domain):
        root_url = self.get_wagtail_site().root_url
        urls = []
        for supplier in self.paginator.page(page).object_list:
            locations = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    locations[code] = root_url + supplier.get_absolute_url()
            alternates = [{"lang_code": code, "location": location} for code, location in locations.items()]
            alternates.append({"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]})
            urls += [
                {"item": supplier, "location": location, "lastmod": supplier.updated_at, "alternates": alternates}
                for location in locations.values()
            ]
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


SITEMAPS = {"pages": PageSitemap, "suppliers": SupplierSitemap}
