"""django-csp's middleware with one exception: the Wagtail admin's page editor writes
inline scripts of its own (its panels and choosers start from <script> blocks in Wagtail's
templates), which cannot carry our nonce without forking Wagtail. There, and only there,
script-src allows 'unsafe-inline' (a nonce in the policy would disable it). The admin
serves signed-in editors only, and Wagtail's templates escape the text users wrote."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.urls import reverse


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**(parts.replace or {}), "script-src": [SELF, UNSAFE_INLINE]}
            parts.nonce = None
        return parts
