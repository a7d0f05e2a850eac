from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from search.interface import InvalidQuery

from . import site_search as site_search_selectors


@require_GET
def site_search(request):
    group = request.GET.get("type", "")
    try:
        text = site_search_selectors.read_text(request.GET)
    except InvalidQuery as error:
        context = {"error": str(error), "results": site_search_selectors.SiteSearchResults(text="")}
        return render(request, "cms/search.html", context, status=400)
    results = site_search_selectors.site_search(text=text, group=group, page=request.GET.get("page"))
    return render(request, "cms/search.html", {"results": results})


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # The private areas in every language (English unprefixed: marketplace.urls).
    language_prefixes = ["" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES]
    context = {"sitemap_url": sitemap_url, "language_prefixes": language_prefixes}
    return render(request, "cms/robots.txt", context, content_type="text/plain")
