"""Site-wide search and what search engines read: included before Wagtail's page paths."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("search/", views.site_search, name="site-search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
