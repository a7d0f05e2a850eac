"""Who gets into sourcing pages. Every page that shows an organisation's data checks
here that the user belongs to it: a need's buyer, an invited supplier or an operator."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from .. import selectors


class NeedAccessMixin(LoginRequiredMixin):
    """Loads the need in the URL with the user's standing. Someone with no standing
    gets 404 (a need's existence is not told); standing that does not allow the page
    gets 403. `roles` lists who may use the page: "buyer", "supplier" (invited),
    "operator", "partner" (in a joint quote on the need, which sees only its pages)."""

    roles = ("buyer", "supplier", "operator")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.access = selectors.need_access(user=request.user, pk=kwargs["pk"])
        if self.access is None:
            raise Http404(_("No need of yours at this address."))
        self.need = self.access.need
        standing = {
            "buyer": self.access.as_buyer,
            "supplier": self.access.invitation is not None,
            "operator": self.access.as_operator,
            "partner": self.access.partner is not None,
        }
        if not any(standing[role] for role in self.roles):
            raise PermissionDenied(_("This page is not for you."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(need=self.need, access=self.access, **kwargs)


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
