"""Local development: `make run`. Debug on, e-mails to files (listed at /dev/mail/), background tasks queued in
the database for the worker `make run` starts, as in production."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_bool

DEBUG = env_bool("DEBUG", True)
# Links made outside a request (load_demo, commands) point where `make run PORT=…` serves.
SITE_URL = env("SITE_URL", f"http://127.0.0.1:{env('PORT', '8000')}")
WAGTAILADMIN_BASE_URL = SITE_URL
# One .eml file per e-mail, not the console: the demo's e-mails would bury `make run`'s output.
EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "marketplace.core.mail.MailFolderBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "tmp" / "mail"))
WEBHOOKS_ALLOW_PRIVATE = env_bool("WEBHOOKS_ALLOW_PRIVATE", True)  # receivers on this machine
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
