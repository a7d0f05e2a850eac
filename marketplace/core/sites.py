"""The sites framework's one Site names the address people reach us at (SITE_URL):
Django's, Oscar's and Wagtail's password-reset e-mails, the admin's "view on site"
and flatpages build their links from it, and its default is example.com."""

from urllib.parse import urlsplit

from django.conf import settings


def site_domain_sync(**kwargs) -> None:
    """After every migrate (make run, deployments, test databases): Site = SITE_URL's host."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    if domain:
        Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": "Responsible"})
        Site.objects.clear_cache()
