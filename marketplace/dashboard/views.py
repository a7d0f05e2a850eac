"""Fork of Oscar's dashboard views: only the index differs."""

from django.shortcuts import redirect
from oscar.apps.dashboard import views as oscar_views

from marketplace.workspace.selectors import workspace_suppliers


class IndexView(oscar_views.IndexView):
    """Suppliers' members work in their workspace (/workspace/), in the site's design;
    operators (staff) keep Oscar's dashboard. The dashboard's product pages stay open to
    members, as the workspace links to them."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_staff and workspace_suppliers(user).exists():
            return redirect("workspace:home")
        return super().dispatch(request, *args, **kwargs)
