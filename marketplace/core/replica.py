"""Reads that may use a read replica (DATABASE_REPLICA_URL) are marked; every other query uses the primary.

A view marked with `reads_from_replica` (public pages that only read: the directory, supplier profiles, search)
sends its reads to the replica, unless this visitor wrote something in the last REPLICA_PIN_SECONDS: then the
primary, so that people see what they just did although the replica lags a little."""

import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.utils.decorators import method_decorator

REPLICA = "replica"
PIN_KEY = "replica_primary_until"
_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads():
    """Reads inside may use the replica (when one is configured)."""
    token = _replica_allowed.set(True)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


def reads_from_replica(view):
    """Marks a function view whose reads may use the replica (for a class-based view: `replica_view`)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        # The session and the signed-in person are read from the primary first: a session or an account made
        # a moment ago may not be on the replica yet.
        if getattr(request, "user", None) is not None:
            request.user.is_authenticated  # noqa: B018  (loads the lazy user)
        if request.method in ("GET", "HEAD") and not pinned_to_primary(request):
            with replica_reads():
                return view(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapped


replica_view = method_decorator(reads_from_replica, name="dispatch")


def pinned_to_primary(request) -> bool:
    session = getattr(request, "session", None)
    return bool(session) and session.get(PIN_KEY, 0) > time.time()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _replica_allowed.get() and replica_configured() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # the replica gets its tables by replication


class PrimaryAfterWriteMiddleware:
    """After a request that may have written (POST, PUT, PATCH, DELETE), this visitor's marked reads use the
    primary for REPLICA_PIN_SECONDS. Only with a replica configured: otherwise nothing is stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and replica_configured() and hasattr(request, "session"):
            request.session[PIN_KEY] = time.time() + settings.REPLICA_PIN_SECONDS
        return response
