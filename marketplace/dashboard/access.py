"""Who may use the shop dashboard, and which partners' data a user may touch."""

from django.contrib.auth.backends import BaseBackend
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

DASHBOARD_ACCESS = "partner.dashboard_access"


class SupplierDashboardBackend(BaseBackend):
    """Grants Oscar's `partner.dashboard_access` to every active member (either
    role) of a supplier, for as long as the membership exists.

    Why a backend rather than granting the permission in the membership
    services: the right then follows the membership row itself, however it is
    created or removed (services, the Django admin, a cascade when a supplier
    is deleted), and no stored permission can outlive it. What a member sees is
    scoped separately by `partner.users`, which the membership services keep
    equal to the supplier's members. Buyers, editors and anonymous visitors hold
    no supplier membership and so get no dashboard."""

    def has_perm(self, user_obj, perm, obj=None):
        if perm != DASHBOARD_ACCESS or not user_obj.is_active or user_obj.is_anonymous:
            return False
        cached = getattr(user_obj, "_supplier_dashboard_access", None)
        if cached is None:
            from marketplace.organisations.models import Membership, Organisation

            cached = Membership.objects.filter(user=user_obj, organisation__kind=Organisation.Kind.SUPPLIER).exists()
            user_obj._supplier_dashboard_access = cached
        return cached


def user_partners(user):
    """The partners whose data a non-staff dashboard user may see and change."""
    return Partner.objects.filter(users=user)
