"""`make run` prepares only what changed: what decides it."""

import os

import pytest
from django.db import connection

from marketplace.core import translations
from marketplace.demo.management.commands.dev_prepare import demo_stamp, translations_stale


def test_a_catalogue_edited_after_its_compilation_is_compiled_again(tmp_path, settings):
    for locale in (*translations.TRANSLATED, translations.SERBIAN_LATIN):
        folder = tmp_path / locale / "LC_MESSAGES"
        folder.mkdir(parents=True)
        for suffix in (".po", ".mo"):
            (folder / f"django{suffix}").write_text("")
    settings.LOCALE_PATHS = [tmp_path]
    assert not translations_stale()
    german = translations.catalogue_path("de")
    later = german.with_suffix(".mo").stat().st_mtime + 10
    os.utime(german, (later, later))
    assert translations_stale()


@pytest.mark.django_db
def test_the_demo_is_loaded_again_for_a_new_database_only():
    stamp = demo_stamp()
    assert demo_stamp() == stamp
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET applied = %s", ["2030-01-01 00:00:00"])
    assert demo_stamp() != stamp
