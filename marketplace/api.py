"""The JSON API at /api/, with its OpenAPI schema at /api/openapi.json and
interactive documentation at /api/docs."""

from django.shortcuts import render
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from search.api import router as search_router


class SelfHostedSwagger(Swagger):
    """Swagger UI from our static files (static/vendor/swagger-ui), started by an
    external script: ninja outside INSTALLED_APPS loads it from a CDN with an inline
    script, a blank page offline and under our Content-Security-Policy. The files are
    swagger-ui-dist 5.31.0, the version django-ninja 1.7.1 ships (Apache 2.0 licence
    beside them); to update, `npm pack swagger-ui-dist@<version>` and copy
    swagger-ui-bundle.js and swagger-ui.css, the latter without its sourceMappingURL
    line (the production static storage refuses a missing map)."""

    def render_page(self, request, api, **kwargs):
        openapi_url = self.get_openapi_url(api, kwargs)
        context = {"api": api, "openapi_url": openapi_url, "swagger_settings": {**self.settings, "url": openapi_url}}
        return render(request, "api/docs.html", context)


docs = SelfHostedSwagger(
    settings={
        # Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
        "validatorUrl": None,
    }
)
api = NinjaAPI(title="Responsible API", version="1", urls_namespace="api", docs=docs)
api.add_router("/search/", search_router)


@api.exception_handler(ValidationError)
def bad_parameters(request, error):
    """Malformed parameters are the caller's to fix: 400 with a readable message."""
    problems = [f"{'.'.join(str(part) for part in e['loc'][1:]) or 'request'}: {e['msg']}" for e in error.errors]
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)
