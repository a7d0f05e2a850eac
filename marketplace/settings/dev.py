"""Local development: `make run`. Debug on, e-mails to the console, tasks run at once."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
# Links made outside a request (load_demo, commands) point where `make run PORT=…` serves.
SITE_URL = env("SITE_URL", f"http://127.0.0.1:{env('PORT', '8000')}")
WAGTAILADMIN_BASE_URL = SITE_URL
EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
