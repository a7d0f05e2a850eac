"""What `make run` does before serving, in one process and only what is needed: a second `make run` on an
unchanged checkout starts in seconds."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from marketplace.core import translations

from ... import schema
from .load_demo import logins_write

DEMO_SOURCES = Path(__file__).resolve().parents[2]  # marketplace/demo


class Command(BaseCommand):
    help = (
        "Prepare the development site: compile changed translations, apply pending migrations, ensure roles, "
        "load the demo and rebuild the search index when the database or the demo's code changed."
    )

    def handle(self, *args, **options):
        if translations_stale():
            self.stdout.write("Compiling the translations...")
            call_command("translations_build", stdout=_Silent())
        connection = connections[DEFAULT_DB_ALIAS]
        if schema.is_new(connection):
            # What the migrations build, from their dump (a second, where applying them takes over a minute);
            # then `migrate` applies those newer than the dump and the post_migrate handlers run.
            self.stdout.write("Creating the database...")
            schema.load(connection)
            call_command("migrate", interactive=False, verbosity=0)
        elif _migrations_pending(connection):
            self.stdout.write("Applying migrations (all of them take about a minute)...")
            call_command("migrate", interactive=False, verbosity=0)
        call_command("roles_ensure", stdout=_Silent())
        database = hashlib.sha256(str(connection.settings_dict["NAME"]).encode()).hexdigest()[:12]
        stamp_file = Path(settings.BASE_DIR) / "tmp" / f"demo-{database}.stamp"  # one per database
        stamp = demo_stamp()
        if not stamp_file.exists() or stamp_file.read_text() != stamp:
            self.stdout.write("Loading the demo data and building the search index...")
            call_command("load_demo", stdout=_Silent())
            call_command("search_index", "rebuild", "--no-progress", stdout=_Silent())
            stamp_file.parent.mkdir(exist_ok=True)
            stamp_file.write_text(stamp)
        logins_write(self)


def _migrations_pending(connection) -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def translations_stale() -> bool:
    """A catalogue changed since it was compiled (or never was)."""
    for locale in translations.TRANSLATED:
        po = translations.catalogue_path(locale)
        for compiled in (po.with_suffix(".mo"), translations.catalogue_path(translations.SERBIAN_LATIN)):
            if not compiled.exists() or compiled.stat().st_mtime < po.stat().st_mtime:
                return True
    return False


def demo_stamp() -> str:
    """Changes when the demo's code changes or the database is a new one (its first migration's time)."""
    digest = hashlib.sha256()
    for path in sorted(DEMO_SOURCES.rglob("*.py")):
        digest.update(path.read_bytes())
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT MIN(applied) FROM django_migrations")
        digest.update(str(cursor.fetchone()[0]).encode())
    return digest.hexdigest()


class _Silent:
    """Swallows the steps' own output: `make run` prints what a developer needs."""

    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
