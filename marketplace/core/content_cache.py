"""Public content computed once for everyone, kept in the cache until something is written.

What a public page shows the same to every visitor (the home page's figures, featured suppliers, stories and
sector counts) is cached per language under a content version. Any write to the database (a model saved or
deleted, a relation changed), except the busy bookkeeping tables in IGNORED_APPS, gives a new version, so the
next visitor sees the change; nothing has to know which page shows what.

Only with a cache every process shares (CONTENT_CACHE_SECONDS defaults to 0 without REDIS_URL): a per-process
cache would not hear the writes of the others (the worker publishing a scheduled page, another web worker)."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

VERSION_KEY = "content:version"
# Writes that change no public content and happen all the time.
IGNORED_APPS = {
    "sessions",
    "django_tasks_database",
    "scheduling",
    "audit",
    "axes",
    "basket",
    "accounts",
    "admin",
    "notifications",
    "webhooks",
    "analytics",
    "search",  # the index: search.services renews the version once an update is committed
}
# Single models of that kind: a thumbnail made the first time a page shows an image.
IGNORED_MODELS = {"wagtailimages.rendition"}


def cached_content(name: str, build):
    """`build()`, or its value from the cache for this content version and language."""
    if settings.CONTENT_CACHE_SECONDS <= 0:
        return build()
    key = f"content:{name}:{get_language()}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.CONTENT_CACHE_SECONDS)
    return value


def content_version() -> str:
    """The current content version: whatever was cached under another one is out of date."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def content_renew() -> None:
    """Whatever was cached is out of date from now on."""
    if max(settings.CONTENT_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS) > 0:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def content_changed(sender, **kwargs):
    if sender._meta.app_label not in IGNORED_APPS and sender._meta.label_lower not in IGNORED_MODELS:
        content_renew()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"content_cache.{signal}")
