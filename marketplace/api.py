"""The JSON API at /api/, with its OpenAPI schema at /api/openapi.json and
interactive documentation at /api/docs."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from search.api import router as search_router

api = NinjaAPI(title="Responsible API", version="1", urls_namespace="api")
api.add_router("/search/", search_router)


@api.exception_handler(ValidationError)
def bad_parameters(request, error):
    """Malformed parameters are the caller's to fix: 400 with a readable message."""
    problems = [f"{'.'.join(str(part) for part in e['loc'][1:]) or 'request'}: {e['msg']}" for e in error.errors]
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)
