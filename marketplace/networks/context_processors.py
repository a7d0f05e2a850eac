from django.utils.functional import SimpleLazyObject

from .selectors import team_roles


def coordination(request):
    """Whether the header menu offers the coordination workspace (coordinators) or the
    networks' figures (partners' people); asked only if a template does."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"network_team_roles": ()}
    return {"network_team_roles": SimpleLazyObject(lambda: set(team_roles(user)))}
