"""The project's addresses plus a page with an inline script, for tests/core/test_page_cache.py:
no public page has one today, and a page served from the cache must still get its own nonce."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from marketplace.urls import urlpatterns as project_urlpatterns

SCRIPTED = engines["django"].from_string(
    '<html><script nonce="{{ request.csp_nonce }}">document.title = "ready";</script></html>'
)


def scripted(request):
    return HttpResponse(SCRIPTED.render({}, request))


urlpatterns = [path("scripted/", scripted), *project_urlpatterns]
