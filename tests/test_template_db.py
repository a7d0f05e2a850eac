"""Test databases are copies of one migrated template (tests/template_db.py): a copy must hold every
migration applied, with what the data migrations put there, as a database migrated for itself would."""

import sqlite3

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import template_db


def test_the_test_database_has_every_migration_applied(db):
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_template_holds_what_the_data_migrations_made():
    """Read in the template itself: a live-server test before this one may have flushed this worker's copy."""
    if connection.vendor != "sqlite":
        pytest.skip("a connection to the PostgreSQL template would stop the other workers from copying it")
    template = sqlite3.connect(f"file:{template_db.sqlite_template()}?mode=ro", uri=True)
    try:
        for table in ("wagtailcore_page", "wagtailcore_collection"):  # Wagtail's tree roots
            assert template.execute(f"SELECT COUNT(*) FROM {table} WHERE depth = 1").fetchone() == (1,)
        assert template.execute("SELECT COUNT(*) FROM wagtailcore_locale").fetchone()[0] >= 1
    finally:
        template.close()


def test_a_copy_is_a_database_of_its_own(tmp_path):
    """What a test writes to its copy never reaches the template that the next run copies."""
    template = tmp_path / "template.sqlite3"
    with sqlite3.connect(template) as source:
        source.execute("CREATE TABLE thing (name TEXT)")
    copy = tmp_path / "copy.sqlite3"
    copy.write_text("an older copy")  # replaced, not appended to
    template_db.sqlite_copy(template, str(copy))
    written = sqlite3.connect(copy)
    written.execute("INSERT INTO thing VALUES ('written by a test')")
    written.commit()
    written.close()
    assert sqlite3.connect(template).execute("SELECT COUNT(*) FROM thing").fetchone() == (0,)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgres://postgres@127.0.0.1:5432/postgres", "postgres://postgres@127.0.0.1:5432/test_template_x"),
        ("postgres://u:p@db/app?sslmode=require", "postgres://u:p@db/test_template_x?sslmode=require"),
    ],
)
def test_the_template_is_migrated_through_the_same_server(url, expected):
    assert template_db._url_with_database(url, "test_template_x") == expected
