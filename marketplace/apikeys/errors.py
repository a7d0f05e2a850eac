"""One shape for every error the API answers:
{"error": {"code": "...", "message": "...", "details": [{"field": "...", "message": "..."}]}}.
Codes are stable (clients branch on them); messages are in the request's language
(Accept-Language, through LocaleMiddleware)."""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from oscar.apps.order.exceptions import InvalidOrderStatus

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


# The error answers every organisation endpoint may give, for its `response=` map.
ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 429), ErrorOut)


class ApiError(Exception):
    """An answer other than success, raised anywhere below an endpoint."""

    def __init__(self, status: int, code: str, message: str, details=(), headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, str(message)
        self.details, self.headers = list(details), headers or {}


def error_response(status: int, code: str, message: str, details=(), headers=None) -> JsonResponse:
    body = {"error": {"code": code, "message": str(message), "details": list(details)}}
    response = JsonResponse(body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def api_error_response(error: ApiError) -> JsonResponse:
    return error_response(error.status, error.code, error.message, error.details, error.headers)


def _validation_details(error: DjangoValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        return [
            {"field": "" if field == "__all__" else field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "", "message": message} for message in error.messages]


def _field(loc) -> str:
    """A parameter's name ("limit"), or a body field's path ("attributes.unit")."""
    parts = [str(part) for part in loc[1:]]
    if loc[0] == "body" and len(parts) > 1:
        parts = parts[1:]  # the name of the body parameter itself
    return ".".join(parts) or str(loc[0])


def _http_error_code(status: int) -> str:
    return {401: "not_authenticated", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
            409: "conflict", 429: "rate_limited"}.get(status, "bad_request")  # fmt: skip


def install(api) -> None:
    """Registers the handlers on the NinjaAPI, replacing ninja's own ({"detail": …})."""

    def respond(request, status, code, message, details=(), headers=None):
        return error_response(status, code, message, details, headers)

    @api.exception_handler(ApiError)
    def api_error(request, error):
        return api_error_response(error)

    @api.exception_handler(NinjaValidationError)
    def bad_parameters(request, error):
        details = [{"field": _field(e["loc"]), "message": e["msg"]} for e in error.errors]
        return respond(request, 400, "invalid_request", _("The request has invalid values."), details)

    @api.exception_handler(DjangoValidationError)
    def refused(request, error):
        return respond(request, 400, "invalid", _("The request was refused."), _validation_details(error))

    @api.exception_handler(InvalidOrderStatus)
    def wrong_step(request, error):
        return respond(request, 409, "invalid_status", str(error))

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, error):
        message = _("Send a valid API key as “Authorization: Bearer <key>”.")
        return respond(request, 401, "not_authenticated", message, headers={"WWW-Authenticate": "Bearer"})

    @api.exception_handler(HttpError)
    def http_error(request, error):
        return respond(request, error.status_code, _http_error_code(error.status_code), error.message)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, error):
        return respond(request, 403, "forbidden", str(error) or _("You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request, error):
        return respond(request, 404, "not_found", _("Not found, or not your organisation's."))

    @api.exception_handler(ObjectDoesNotExist)
    def no_such_object(request, error):
        return not_found(request, error)

    @api.exception_handler(Exception)
    def unexpected(request, error):
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, "server_error", _("Something went wrong on our side; try again later."))
