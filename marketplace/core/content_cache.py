"""Public content computed once for everyone, kept in the cache until something is written.

What a public page shows the same to every visitor (the home page's figures, featured suppliers, stories and
sector counts) is cached per language under a content version. Any write to the database, except to the busy
bookkeeping tables in IGNORED_APPS, gives a new version, so the next visitor sees the change; nothing has to know
which page shows what. Writes are seen where they reach the database (an execute wrapper on every connection),
so a `QuerySet.update()`, a bulk write or raw SQL counts as a `save()` does, which model signals miss. Inside a
transaction the version is renewed at each write and again at commit: a page cached in between, from data as it
was before the commit, is not kept. Pages of signed-in people have a version of their own (PRIVATE_VERSION_KEY).

Only with a cache every process shares (CONTENT_CACHE_SECONDS defaults to 0 without REDIS_URL): a per-process
cache would not hear the writes of the others (the worker publishing a scheduled page, another web worker)."""

import functools
import re
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.utils.translation import get_language

VERSION_KEY = "content:version"
# Pages of signed-in people (page_cache.PRIVATE_VIEWS) are kept under a version of their own, which every write
# renews but for pure bookkeeping: their baskets, notifications and accounts show on them.
PRIVATE_VERSION_KEY = "content:private-version"
BOOKKEEPING_APPS = {"sessions", "django_tasks_database", "scheduling", "axes", "search"}
BOOKKEEPING_MODELS = {"wagtailimages.rendition", "accounts.usersession"}  # a thumbnail, a session's last activity
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


def content_version(key=VERSION_KEY) -> str:
    """The current content version: whatever was cached under another one is out of date."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def private_version() -> str:
    return content_version(PRIVATE_VERSION_KEY)


def content_renew(key=VERSION_KEY) -> None:
    """Whatever was cached is out of date from now on."""
    if max(settings.CONTENT_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS) > 0:
        cache.set(key, uuid.uuid4().hex, None)


def _renew_both() -> None:
    content_renew()
    content_renew(PRIVATE_VERSION_KEY)


# The first words of a statement that writes (SQLite's bulk_create(ignore_conflicts) says INSERT OR IGNORE), and
# the table it writes to.
_WRITE = re.compile(r"""\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)""", re.IGNORECASE)


@functools.cache
def _tables() -> dict:
    """table -> (app label, model label) of every model, those Django makes for relations included."""
    return {
        model._meta.db_table: (model._meta.app_label, model._meta.label_lower)
        for model in apps.get_models(include_auto_created=True)
    }


@functools.cache
def _renews(table: str) -> tuple[bool, bool]:
    """Whether a write to the table renews the public version and the private one."""
    # A table of no model (a full-text table of search's, say) belongs to the app its name starts with.
    app, model = _tables().get(table, (table.split("_", 1)[0], ""))
    return (
        app not in IGNORED_APPS and model not in IGNORED_MODELS,
        app not in BOOKKEEPING_APPS and model not in BOOKKEEPING_MODELS,
    )


def _note_writes(execute, sql, params, many, context):
    """An execute wrapper: a statement that writes to a table that counts renews the version."""
    result = execute(sql, params, many, context)
    if max(settings.CONTENT_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS) > 0:
        written = _WRITE.match(sql)
        if written and any(renews := _renews(written[1])):
            _written(context["connection"], *renews)
    return result


def _written(connection, public: bool, private: bool) -> None:
    if public:
        content_renew()
    if private:
        content_renew(PRIVATE_VERSION_KEY)
    # In a transaction, at commit too (once; a rollback forgets the hook): a page another request cached
    # between this write and the commit was made from the data before it.
    hooks = connection.run_on_commit
    if connection.in_atomic_block and not any(hook is _renew_both for _ids, hook, _robust in hooks):
        transaction.on_commit(_renew_both, using=connection.alias)


def _watch(sender, connection, **kwargs):
    if _note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_note_writes)


def connect():
    connection_created.connect(_watch, dispatch_uid="content_cache.watch")
