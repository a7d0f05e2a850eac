"""The settings modules: production passes `check --deploy` and refuses to start
without a secret key; development defaults to SQLite in the project directory.

Each case runs in a subprocess, because settings are read once per process.
None of them needs the test database."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Only what a process needs to run: the developer's, CI's or another test's
# environment (settings variables, DJANGO_ALLOW_ASYNC_UNSAFE set for Playwright…)
# must not change what these tests see.
INHERITED = {"PATH", "HOME", "LANG", "TMPDIR", "PYTHONPATH", "SYSTEMROOT"}


def clean_env(**values):
    env = {name: value for name, value in os.environ.items() if name in INHERITED or name.startswith("LC_")}
    env.update(values)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path, **values):
    return clean_env(
        DJANGO_SETTINGS_MODULE="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="responsible.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        **values,
    )


@pytest.mark.parametrize("secret_key", [None, ""], ids=["unset", "empty"])
def test_production_settings_refuse_to_start_without_secret_key(tmp_path, secret_key):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set in production." in result.stderr, result.stderr


def test_development_settings_default_to_sqlite_in_the_project_directory():
    script = (
        "import json; from django.conf import settings; "
        "db = settings.DATABASES['default']; "
        "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'debug': settings.DEBUG}))"
    )
    result = run(["-c", script], clean_env(DJANGO_SETTINGS_MODULE="marketplace.settings.dev"))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "engine": "django.db.backends.sqlite3",
        "name": str(PROJECT_DIR / "db.sqlite3"),
        "debug": True,
    }


@pytest.mark.parametrize("configured, expected", [(None, 60), ("0", 0)], ids=["default", "turned-off"])
def test_production_keeps_database_connections_and_checks_them_before_reuse(tmp_path, configured, expected):
    env = production_env(tmp_path, DATABASE_REPLICA_URL="postgres://reader@replica.example:5432/responsible")
    if configured is not None:
        env["DATABASE_CONN_MAX_AGE"] = configured
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps({alias: [db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS']] "
        "for alias, db in settings.DATABASES.items()}))"
    )
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "default": [expected, True],
        "replica": [expected, True],
    }
