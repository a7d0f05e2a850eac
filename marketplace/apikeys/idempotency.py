"""`Idempotency-Key` on POSTs: a retry with the same key and the same request gets the
first answer again (same status and body) without running anything twice; the same key
with another request is a 409. Answers are kept per API key for API_IDEMPOTENCY_HOURS."""

import hashlib
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .auth import bearer_token, request_api_key
from .errors import ApiError, api_error_response
from .models import IdempotentAnswer

HEADER = "Idempotency-Key"


def _request_hash(request) -> str:
    return hashlib.sha256(request.method.encode() + request.path.encode() + b"\n" + request.body).hexdigest()


def _kept_answer(api_key, key: str, request_hash: str):
    """Reserves the key for this request (None), or the answer kept for it."""
    since = timezone.now() - timedelta(hours=settings.API_IDEMPOTENCY_HOURS)
    IdempotentAnswer.objects.filter(api_key=api_key, created_at__lt=since).delete()
    try:
        with transaction.atomic():
            IdempotentAnswer.objects.create(api_key=api_key, key=key, request_hash=request_hash)
        return None
    except IntegrityError:
        answer = IdempotentAnswer.objects.get(api_key=api_key, key=key)
    if answer.request_hash != request_hash:
        raise ApiError(409, "idempotency_key_reused", _("This Idempotency-Key was used for another request."))
    if answer.status_code is None:
        raise ApiError(409, "idempotency_in_progress", _("A request with this Idempotency-Key is still running."))
    return answer


def idempotent(run):
    """Wraps an operation's run (ninja.decorators.decorate_view)."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        token = bearer_token(request)
        if not key or not token:
            return run(request, *args, **kwargs)
        try:
            if len(key) > 255:
                raise ApiError(400, "invalid_idempotency_key", _("An Idempotency-Key has at most 255 characters."))
            api_key = request_api_key(request, token)
            answer = _kept_answer(api_key, key, _request_hash(request))
        except ApiError as error:
            return api_error_response(error)
        if answer is not None:
            replay = HttpResponse(bytes(answer.body), status=answer.status_code, content_type=answer.content_type)
            replay["Idempotent-Replayed"] = "true"
            return replay
        response = run(request, *args, **kwargs)
        kept = IdempotentAnswer.objects.filter(api_key=api_key, key=key)
        if response.status_code >= 500 or response.status_code in (401, 429):
            kept.delete()  # not an answer to the request: a retry may run it
        else:
            kept.update(status_code=response.status_code, content_type=response.get("Content-Type", ""),
                        body=response.content)  # fmt: skip
        return response

    return wrapper
