"""Which language a person reads, for what is sent to them later: e-mails, the PDFs
attached to them, account notifications. Not the language of whoever caused the sending
(a supplier accepting an order writes to the buyer in the buyer's language).

A person's language is the one they chose (User.language: set by the site's language
switcher, their profile, or the pages they signed up on; an older account takes the
language its owner signs in with: marketplace.accounts.middleware); until then,
the site's (settings.LANGUAGE_CODE). An address without an account reads the language of
whoever caused the e-mail, which each sender names (see its module's docstring)."""

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.utils import translation

logger = logging.getLogger(__name__)
T = TypeVar("T")


def supported(code: str | None) -> str:
    """`code` as one of settings.LANGUAGES ("fr-be" -> "fr"); "" when none fits."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return ""


def of(user) -> str:
    """The language `user` reads (see the module's docstring); the site's for nobody."""
    return supported(getattr(user, "language", "")) or settings.LANGUAGE_CODE


def by_language(users: Iterable) -> dict[str, list]:
    """`users` grouped by the language each reads, in their order."""
    groups: dict[str, list] = {}
    for user in users:
        groups.setdefault(of(user), []).append(user)
    return groups


def render_in(language: str, render: Callable[[], T]) -> T:
    """`render()` in `language`. A translation that breaks it (a placeholder lost by a
    translator raises KeyError in `_("…%(x)s") % …`) is logged, and the reader gets the
    site's language rather than nothing."""
    try:
        with translation.override(language):
            return render()
    except Exception:
        if language == settings.LANGUAGE_CODE:
            raise
        logger.exception("Could not write a message in %s; sending it in %s", language, settings.LANGUAGE_CODE)
    with translation.override(settings.LANGUAGE_CODE):
        return render()


def path_in_language(path: str, language: str | None = None) -> str:
    """A path of this site's pages (/join/) in `language`, the active one by default:
    English unprefixed, the others prefixed (/fr/join/; see marketplace.urls). A path that
    already names its language, or an address elsewhere, is left as it is."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if not path.startswith("/") or path.startswith("//") or translation.get_language_from_path(path):
        return path
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"
