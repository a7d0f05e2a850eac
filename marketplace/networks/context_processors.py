from django.utils.functional import SimpleLazyObject

from .models import TeamRole
from .selectors import networks_of


def coordination(request):
    """Whether the header menu offers the coordination workspace (asked only if a template does)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"coordinates_networks": False}
    return {"coordinates_networks": SimpleLazyObject(lambda: networks_of(user, role=TeamRole.COORDINATOR).exists())}
