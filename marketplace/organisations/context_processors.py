from django.utils.functional import SimpleLazyObject

from . import selectors


def my_organisations(request):
    """The signed-in user's organisations for the header menu, loaded only if a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_memberships": []}
    return {"my_memberships": SimpleLazyObject(lambda: list(selectors.user_memberships(user=user)))}
