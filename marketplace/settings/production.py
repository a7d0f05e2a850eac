"""Production: everything secret or host-specific must come from the environment.
`manage.py check --deploy` passes with these settings once static files are collected
(see tests/test_production.py)."""

from django.core.exceptions import ImproperlyConfigured

from marketplace.operations.errors import error_reporting_init

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = False

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", True)  # the proxy in front sets it
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
OSCAR_URL_SCHEMA = "https"
# Links in e-mails always start with SITE_URL (docker-compose.yml requires it), never with
# whatever Host a request came with: tasks in the worker answer no request at all.
SITE_URL_FROM_REQUEST = False

# Persistent connections: opening one costs each request milliseconds (~3 ms of a signed-in page served from the
# page cache, docs/benchmarks.md); a connection found broken is replaced before the request uses it.
for _database in DATABASES.values():  # noqa: F405
    _database["CONN_MAX_AGE"] = int(env("DATABASE_CONN_MAX_AGE", "60"))
    _database["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    **STORAGES,  # noqa: F405  (the private storage of attachments, as in base)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One JSON object per log line (time, level, logger, message, and what the record carries), for the log store.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}

# Error reporting to Sentry (or a compatible service) when SENTRY_DSN is set; nothing is sent otherwise.
error_reporting_init(
    dsn=env("SENTRY_DSN", ""),
    environment=env("SENTRY_ENVIRONMENT", "production"),
    release=env("SENTRY_RELEASE", ""),
    traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
)
