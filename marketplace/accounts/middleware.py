"""Which language a request is served in, after Django's LocaleMiddleware has read the
address (marketplace.urls: pages carry their language in their path, English unprefixed).

- A page with a language prefix (/fr/…) is in that language, whoever asks.
- A page without one is the English page. Someone who chose another language (their
  account's language, else the language cookie, else their browser's) is sent to the
  same page in their language, so an old link, a bookmark or a typed address still opens
  in the language they read. Only GET and HEAD: a form posted to an English address is
  answered in English rather than lost.
- The paths that carry no language (marketplace.core.urls_neutral: the admins, the API)
  are in the chosen language.

A signed-in person's language (User.language) is the chosen one, and the language cookie
follows it. Why a middleware rather than the sign-in view: people sign in through several
doors (the sign-in page, the link confirming their address, accepting an invitation; the
admin's and Wagtail's sign-in pages send them to ours), and one place after
AuthenticationMiddleware covers them all, as well as a language chosen on the profile page
or on another device; the cookie keeps the person's language after they sign out."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

from marketplace.core import languages

NEUTRAL_URLCONF = "marketplace.core.urls_neutral"


def _account_language(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return languages.supported(user.language)


def chosen_language(request) -> str:
    """The language a person chose: their account's, else the cookie's, else their browser's."""
    return _account_language(request) or translation.get_language_from_request(request, check_path=False)


def language_neutral(path_info: str) -> bool:
    try:
        resolve(path_info, urlconf=NEUTRAL_URLCONF)
    except Resolver404:
        return False
    return True


def _in_language(request, language: str) -> str:
    """This request's address with `language`'s prefix."""
    script_prefix = request.path[: len(request.path) - len(request.path_info)]
    query = request.META.get("QUERY_STRING", "")
    return f"{script_prefix}/{language}{request.path_info}" + (f"?{query}" if query else "")


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not translation.get_language_from_path(request.path_info):
            language = chosen_language(request)
            if language_neutral(request.path_info):
                translation.activate(language)
                request.LANGUAGE_CODE = language
            elif language != settings.LANGUAGE_CODE and request.method in ("GET", "HEAD"):
                response = HttpResponseRedirect(_in_language(request, language))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        self._cookie_follow_account(request, response)
        return response

    @staticmethod
    def _cookie_follow_account(request, response):
        # Read again: the request may have signed someone in or out, or changed their language.
        language = _account_language(request)
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


def account_language_remember(sender, request, user, **kwargs):
    """user_logged_in: an account that never chose a language (made before accounts had
    one) takes the language its owner signs in with (the page's, else the one they chose
    in this browser with the switcher), so that what is sent to them later is in it too,
    as a new account takes the language of the pages it signed up on."""
    if user.language or request is None:
        return
    # A choice, not a guess: the page's language, else the one picked with the switcher
    # (the cookie). A browser's Accept-Language alone keeps following the browser.
    chosen = translation.get_language_from_path(request.path_info) or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = languages.supported(chosen)
    if language:
        type(user).objects.filter(pk=user.pk, language="").update(language=language)
        user.language = language
