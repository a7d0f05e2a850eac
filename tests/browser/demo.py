"""The demo data for browser journeys: loaded by `load_demo` once per test process, then
put back from a copy of the database's tables.

Live-server tests flush the database after each test, so each journey needs the demo
again; `load_demo` takes 20-50 s (pages in five languages, invoices as PDFs), putting its
rows back well under a second. What the copy holds is exactly what `load_demo` wrote,
so a journey sees the same data either way; the first journey of each process still
runs the command itself. Files it wrote (images, PDFs) stay in the worker's media folder."""

import sqlite3
from io import StringIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

_copies = {}


def demo_loaded() -> None:
    """Make the database hold the demo data and nothing else."""
    key = (connection.vendor, connection.settings_dict["NAME"])
    if key not in _copies:
        call_command("load_demo", stdout=StringIO())
        _copies[key] = _copy()
        return
    _put_back(_copies[key])
    # What was cached (menus, pages, search snapshots keyed on the index stamp) was
    # cached from the previous journey's rows; so were the content types' ids, which the
    # flush's post_migrate gave new ones and the copy has put back as they were (a stale id
    # made Wagtail's log entry of a new page fail validation: a 500 in the editorial journey).
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


def _copy():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    rows = {}
    with connection.cursor() as cursor:
        for table in tables:
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT BINARY)") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return rows


def _put_back(copy) -> None:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy.backup(connection.connection)
        return
    quoted = ", ".join(connection.ops.quote_name(table) for table in copy)
    # One transaction: foreign keys are checked at its end, when every table is back.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        for table, data in copy.items():
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN (FORMAT BINARY)") as block:
                block.write(data)
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
