"""The paths that carry no language prefix: the admins, the API, the language switch,
uploaded files. They speak the language the person chose (their account's, else the
language cookie's, else their browser's: marketplace.accounts.middleware), and the middleware
tells them apart from the pages by resolving a path against these patterns alone."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from marketplace.accounts import views as account_views
from marketplace.api import api, api_not_found

urlpatterns = [
    path("django-admin/login/", account_views.sign_in_redirect(default_next="/django-admin/")),
    path("cms/login/", account_views.sign_in_redirect(default_next="/cms/")),
    path("django-admin/", admin.site.urls),
    # The e-mails sent in development; a 404 without DEBUG (marketplace.core.views).
    path("dev/mail/", include("marketplace.core.urls")),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Django's language switch (Oscar's templates need its name), remembering a signed-in person's choice.
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("api/", api.urls),
    # Any other path under /api/ answers in the API's error shape, not with an HTML page.
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # Small deployments without a separate file server (see docs/operations.md, Deployment).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
