"""Settings for the test suite: fast hashing, in-memory cache and mail, tasks run at once."""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WEBHOOKS_ALLOW_PRIVATE = True  # the tests' receiving server runs on 127.0.0.1
WEBHOOKS_TIMEOUT = 2.0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ELASTICSEARCH_URL = ""
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = "whsec_test_only"
# A port that refuses connections: no test reaches the real VIES (tests/organisations/conftest.py
# starts a fake one where a test needs an answer).
VIES_API_BASE = "http://127.0.0.1:9/"
VIES_TIMEOUT = 2.0
GEOCODER = "off"  # no address leaves a test
# Operators' tests sign in with force_login, which passes no second step: the requirement is
# tested where tests/accounts/test_two_factor.py turns it on (the other settings keep it on).
OTP_REQUIRED_FOR_OPERATORS = False
# Uploaded and generated images go to a scratch folder that live-server (browser) tests serve;
# one per pytest-xdist worker (gw0, gw1…), so parallel tests never share or remove each other's files.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = BASE_DIR / "tmp" / f"test-media-{_WORKER}"  # noqa: F405
SERVE_MEDIA = True
STORAGES["private"]["OPTIONS"]["location"] = BASE_DIR / "tmp" / f"test-private-media-{_WORKER}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# As in development: links follow the request, and outside one use the test client's address.
SITE_URL = "http://testserver"
SITE_URL_FROM_REQUEST = True
# Serve static files from the apps in tests, as in development: no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as `make run` uses, not Django's in-memory test database: threads of the
    # concurrency tests then share one database in WAL mode, as a served site does.
    # Named after the database the URL names (tmp/test.sqlite3 -> tmp/test_test.sqlite3).
    _name = Path(DATABASES["default"]["NAME"])  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_name.with_name(f"test_{_name.name}"))}  # noqa: F405
    # The tests' commits (migrations, live-server journeys, concurrency tests, flushes) need
    # not wait for the disk: a crash loses only a test database.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"  # noqa: F405
else:  # likewise on PostgreSQL
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
