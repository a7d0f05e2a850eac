"""A new development database starts from marketplace/demo/schema.sql, the dump of what the migrations build:
the dump must be what they build today, and a database loaded from it must be a migrated one."""

import re

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.migrations.loader import MigrationLoader

from marketplace.demo import schema
from tests import template_db

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the dump is of a SQLite database")

# What differs between two databases the same migrations built: when and in which order independent migrations
# were applied (the plan orders them by hashes that differ between processes), the site's address (post_migrate
# writes this checkout's), and the random translation keys of Wagtail's first pages.
_MIGRATION = re.compile(r"""^INSERT INTO "django_migrations" VALUES\(\d+,('[^']*','[^']*'),'[^']*'\);$""")
_VARYING = [
    (re.compile(r"""^INSERT INTO "django_site" VALUES.*$"""), "(the site)"),
    (re.compile(r"'[0-9a-f]{32}'"), "'(a random key)'"),
]


def _comparable(dump: str) -> list[str]:
    statements = dump.splitlines()
    for pattern, replacement in _VARYING:
        statements = [pattern.sub(replacement, statement) for statement in statements]
    applied = sorted(found[1] for statement in statements if (found := _MIGRATION.match(statement)))
    return [statement for statement in statements if not _MIGRATION.match(statement)] + applied


def test_the_dump_is_what_the_migrations_build_today():
    built = _comparable(schema.dump(template_db.sqlite_template()))  # the real `migrate`, for the tests
    committed = _comparable(schema.SCHEMA.read_text(encoding="utf-8"))
    differing = [(ours, theirs) for ours, theirs in zip(committed, built, strict=False) if ours != theirs]
    assert (len(committed), differing[:3]) == (len(built), []), (
        "marketplace/demo/schema.sql is not what the migrations build: run `make schema` and commit it."
    )


def test_a_new_database_loaded_from_the_dump_is_migrated_and_searchable(tmp_path, django_db_blocker):
    """A database of its own, not the test database: pytest-django would refuse it without unblocking."""
    new = DatabaseWrapper({**connection.settings_dict, "NAME": str(tmp_path / "new.sqlite3")}, alias="new")
    with django_db_blocker.unblock():
        _load_and_check(new)


def _load_and_check(new):
    try:
        assert schema.is_new(new)
        schema.load(new)
        assert not schema.is_new(new)
        with new.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            assert set(MigrationLoader(None).graph.nodes) <= set(cursor.fetchall())  # every migration applied
            # The full-text tables work in the connection that created them.
            cursor.execute("INSERT INTO search_product_fulltext (rowid, name, body) VALUES (7, 'oak table', '')")
            cursor.execute("SELECT rowid FROM search_product_fulltext WHERE search_product_fulltext MATCH 'oak*'")
            assert cursor.fetchall() == [(7,)]
            cursor.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth = 1")
            assert cursor.fetchone() == (1,)  # Wagtail's root, from its data migration
    finally:
        new.close()
