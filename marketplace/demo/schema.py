"""A new development database from a dump of what the migrations build, in a fraction of a second.

Applying the ~440 migrations of Django, Oscar, Wagtail and ours into a new SQLite file costs over a minute of one
core (Django re-renders model states at each step), most of a first `make run`. `schema.sql` is the SQL dump of a
SQLite database the real `migrate` built with the development settings: its tables, indexes and full-text tables,
and what the data migrations and post_migrate handlers wrote (content types, permissions, Wagtail's roots and
locale, the site). `manage.py dev_prepare` loads it into a new SQLite database, then runs `migrate`, which applies
any migration newer than the dump and runs the post_migrate handlers again for this checkout's settings.

Only for a new development database on SQLite: tests and deployments run the migrations themselves. A test
(tests/demo/test_schema.py) checks that the dump is what the migrations build today; after adding or changing a
migration, `make schema` writes it again (about a minute).
"""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.utils import timezone

SCHEMA = Path(__file__).with_name("schema.sql")
_TABLE = re.compile(r"""(?:CREATE TABLE|INSERT INTO) ["']?([^"'( ]+)""")
HEADER = "-- What `manage.py migrate` builds in a new SQLite database: written by `make schema`, read by dev_prepare.\n"


def is_new(connection) -> bool:
    """A SQLite database without any table yet, not even the migrations' record."""
    return connection.vendor == "sqlite" and not connection.introspection.table_names()


def load(connection) -> None:
    """Fill a new SQLite database from the dump; its migrations count as applied now (dev_prepare's demo
    stamp tells databases apart by that time)."""
    connection.ensure_connection()
    with connection.constraint_checks_disabled():  # the dump fills tables in name order, not in that of their keys
        connection.connection.executescript(SCHEMA.read_text(encoding="utf-8"))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET applied = %s", [timezone.now()])


def dump(database: Path) -> str:
    """The SQL text of a SQLite database, tables and rows in a stable order (sqlite3's iterdump). Its virtual
    tables (full text) are created by their own statements, which make their shadow tables: iterdump would
    write them into sqlite_master directly, which the connection loading them does not see."""
    source = sqlite3.connect(database)
    try:
        virtual = dict(source.execute("SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"))
        shadows = tuple(f"{name}_" for name in virtual)
        statements = [
            statement
            for statement in source.iterdump()
            if not statement.startswith(("PRAGMA writable_schema", "INSERT INTO sqlite_master"))
            and not _table(statement).startswith(shadows or ("\0",))
        ]
        statements[-1:-1] = [f"{sql};" for sql in virtual.values()]  # before the final COMMIT
        return HEADER + "\n".join(statements) + "\n"
    finally:
        source.close()


def _table(statement: str) -> str:
    """The table a CREATE TABLE or INSERT statement of iterdump's is about ("" for others)."""
    found = _TABLE.match(statement)
    return found[1] if found else ""


def write() -> Path:
    """Migrate a new SQLite file with the development settings (in a process of its own, as `make run`
    would) and write its dump to SCHEMA."""
    database = Path(settings.BASE_DIR) / "tmp" / "schema-build.sqlite3"
    database.parent.mkdir(exist_ok=True)
    database.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("PORT", None)  # the site's default address; post_migrate sets each checkout's own after loading
    command = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(command, cwd=settings.BASE_DIR, env=env, check=True)
    SCHEMA.write_text(dump(database), encoding="utf-8")
    database.unlink()
    return SCHEMA
