"""django-ninja answers a method its path does not take with a bare text 405; the API
answers every error in its one shape (marketplace/apikeys/errors.py)."""

from django.utils.translation import gettext as _

from .errors import error_response


class MethodNotAllowedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path_info.startswith("/api/")
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            allowed = response.get("Allow", "")
            message = _("This address does not take %(method)s; it takes %(allowed)s.") % {
                "method": request.method,
                "allowed": allowed,
            }
            return error_response(405, "method_not_allowed", message, headers={"Allow": allowed})
        return response
