"""A signed-in person's language (User.language) is the active one, and the language
cookie follows it.

Why a middleware rather than setting the cookie in the sign-in view: people sign in
through several doors (the sign-in page, the link confirming their address, accepting an
invitation; the admin's and Wagtail's sign-in pages send them to ours), and one place
after AuthenticationMiddleware covers them all, as well as a language chosen on the
profile page or on another device. Django's LocaleMiddleware (before this one) still
serves visitors from the cookie and the browser; the cookie, set here, keeps the person's
language after they sign out."""

from django.conf import settings
from django.utils import translation

from marketplace.core import languages


def _chosen(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return languages.supported(user.language)


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _chosen(request)
        if language and language != translation.get_language():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # Read again: the request may have signed someone in or out, or changed their language.
        language = _chosen(request)
        cookie = settings.LANGUAGE_COOKIE_NAME
        if language and cookie not in response.cookies and request.COOKIES.get(cookie) != language:
            # As django.views.i18n.set_language sets it.
            response.set_cookie(
                cookie,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
