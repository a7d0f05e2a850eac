"""One migrated database per engine and set of migrations, copied for each test database.

Applying the ~440 migrations of Django, Oscar, Wagtail and ours costs a minute or more of one core, most of it
Django re-rendering model states. Each pytest-xdist worker of each run (SQLite, then PostgreSQL) used to pay it.
Now the migrations run once into a template — by `make test` for both engines side by side before the runs, or by
the first worker that needs it — and every test database is a copy: SQLite's by the backup API, PostgreSQL's by
`CREATE DATABASE … TEMPLATE`. The template is the real `migrate` (data migrations included), so tests see
what a migrated database holds.

A template is named after a fingerprint of every installed app's migration files and of our settings, so a new
migration or a changed setting builds a new one; older ones are removed. A file lock per engine lets one process
build while the others wait.

    python -m tests.template_db     # builds the template of DATABASE_URL's engine (make test runs it)
"""

import fcntl
import functools
import hashlib
import importlib
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
TMP = ROOT / "tmp"
PREFIX = "test_template_"


@functools.cache  # migrations and settings do not change while a process runs
def fingerprint() -> str:
    """Changes when any installed app's migrations change (a package upgrade included) or our settings do."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    # By module and file name, not path: two checkouts of the same code share a template.
    files = [("settings", path) for path in sorted((ROOT / "marketplace" / "settings").glob("*.py"))]
    for app in apps.get_app_configs():
        module_name, _ = MigrationLoader.migrations_module(app.label)
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # an app without migrations
        for folder in getattr(module, "__path__", []):
            files += [(module_name, path) for path in sorted(Path(folder).glob("*.py"))]
    for module_name, path in files:
        digest.update(f"{module_name}/{path.name}".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(engine: str):
    TMP.mkdir(exist_ok=True)
    with open(TMP / f"test-template-{engine}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(database_url: str) -> None:
    """The real `migrate` in a process of its own, into the database that `database_url` names."""
    env = {**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )


# SQLite


def sqlite_template() -> Path:
    """The migrated template file, built first if missing."""
    template = TMP / f"test-template-{fingerprint()}.sqlite3"
    with _locked("sqlite"):
        if not template.exists():
            partial = template.with_suffix(".partial")
            _remove_sqlite(partial)
            _migrate(f"sqlite:///{partial}")
            connection = sqlite3.connect(partial)
            connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            connection.close()
            os.replace(partial, template)
            for old in TMP.glob("test-template-*.sqlite3"):
                if old != template:
                    _remove_sqlite(old)
    return template


def sqlite_copy(template: Path, name: str) -> None:
    """The test database `name`, a copy of the template (the backup API, safe whatever the journal mode)."""
    _remove_sqlite(Path(name))
    source, target = sqlite3.connect(template), sqlite3.connect(name)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# PostgreSQL


def postgres_template(settings_dict: dict) -> str:
    """The name of the migrated template database, built first if missing."""
    import psycopg

    name = f"{PREFIX}{fingerprint()}"
    partial = f"{name}_partial"
    with _locked("postgresql"), psycopg.connect(**_connection_kwargs(settings_dict), autocommit=True) as connection:
        existing = {row[0] for row in connection.execute("SELECT datname FROM pg_database")}
        if name not in existing:
            connection.execute(f'DROP DATABASE IF EXISTS "{partial}"')
            connection.execute(f'CREATE DATABASE "{partial}"')
            _migrate(_url_with_database(os.environ["DATABASE_URL"], partial))
            connection.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
            for old in existing:
                if old.startswith(PREFIX) and old != name:
                    # Another run may still copy it: then it stays until the next new template.
                    with suppress(psycopg.Error):
                        connection.execute(f'DROP DATABASE IF EXISTS "{old}"')
    return name


def _connection_kwargs(settings_dict: dict) -> dict:
    kwargs = {"dbname": settings_dict["NAME"], "host": settings_dict["HOST"] or None}
    for key, option in (("USER", "user"), ("PASSWORD", "password"), ("PORT", "port")):
        if settings_dict.get(key):
            kwargs[option] = settings_dict[key]
    return kwargs


def _url_with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


# pytest-django


def prepare(databases: dict) -> bool:
    """Point each test database at its template (the settings pytest-django is about to use). True when the
    SQLite test databases are copies already, which Django must then keep rather than create."""
    copied = False
    for settings_dict in databases.values():
        vendor = settings_dict["ENGINE"].rsplit(".", 1)[-1]
        if vendor == "sqlite3":
            name = settings_dict.get("TEST", {}).get("NAME")
            if name and name != ":memory:" and "mode=memory" not in name:
                sqlite_copy(sqlite_template(), name)
                copied = True
        elif vendor == "postgresql":
            settings_dict.setdefault("TEST", {})["TEMPLATE"] = postgres_template(settings_dict)
    return copied


def main() -> None:
    import django
    from django.conf import settings

    django.setup()
    settings_dict = settings.DATABASES["default"]
    if settings_dict["ENGINE"].endswith("sqlite3"):
        print(f"Test template ready: {sqlite_template().relative_to(ROOT)}")
    else:
        print(f"Test template ready: {postgres_template(settings_dict)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
