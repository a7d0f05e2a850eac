"""The JSON API at /api/, with its OpenAPI schema at /api/openapi.json and
interactive documentation at /api/docs."""

from django.shortcuts import render
from django.utils.translation import gettext
from ninja import NinjaAPI, Swagger

from marketplace.apikeys import errors
from marketplace.impact.api import router as impact_router
from marketplace.order.api import router as purchases_router
from marketplace.payments.api import router as invoices_router
from marketplace.sourcing.api import router as needs_router
from marketplace.sourcing.api import supplier_router as invitations_router
from marketplace.workspace.api import router as supplier_router
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
DESCRIPTION = """
Search is open to everyone. The `/api/supplier/` and `/api/buyer/` endpoints answer an
organisation's own systems.

**Keys.** An administrator of the organisation creates a key on its *API keys* page
(`/suppliers/<slug>/api-keys/` or `/buyers/<slug>/api-keys/`); the whole key is shown once.
Send it as `Authorization: Bearer <key>`. A *read only* key reads; changes (POST, PATCH) need
a *read and write* key (`403 scope_required` otherwise). A revoked or expired key, or one whose
creator left the organisation, gets `401`. A key sees its own organisation only: anything
else is `404`, as on the site. The key acts as the person who created it.

**Errors** always have one shape, with a stable `code` and a `message` in the language of
`Accept-Language`: `{"error": {"code": "...", "message": "...", "details": [{"field": "...",
"message": "..."}]}}` — `400` (`invalid_request`, `invalid`), `401`, `403`, `404 not_found`,
`409` (`conflict`, `invalid_status`, `idempotency_key_reused`, `idempotency_in_progress`),
`429 rate_limited` and `500 server_error`.

**Idempotency.** Send an `Idempotency-Key` header (at most 255 characters, e.g. a UUID) with
every POST: a retry with the same key and the same body gets the first answer again, with
its status (header `Idempotent-Replayed: true`), without doing anything twice; the same key
with another body is a `409`. Answers are kept 24 hours (setting `API_IDEMPOTENCY_HOURS`).

**Rate limit.** Each key may make `API_RATE_LIMIT` calls (120 a minute unless the operators
changed it); beyond, `429` with `Retry-After` (seconds).

**Lists** take `limit` (1–100, default 25) and `offset`, and answer `count`, `next` and
`previous` (links, or null) and `results`; their filters are listed with each endpoint.
"""

api = NinjaAPI(title="Responsible API", version="1", description=DESCRIPTION, urls_namespace="api", docs=docs)
api.add_router("/search/", search_router)
api.add_router("/supplier/", supplier_router)
api.add_router("/supplier/", invitations_router)
api.add_router("/buyer/", needs_router)
api.add_router("/buyer/", purchases_router)
api.add_router("/buyer/", invoices_router)
api.add_router("/buyer/", impact_router)
errors.install(api)


def api_not_found(request):
    return errors.error_response(404, "not_found", gettext("No API endpoint at this address: see /api/docs."))
