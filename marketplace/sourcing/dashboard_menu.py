"""Who sees the sourcing entries of Oscar's dashboard menu. Imported by the settings,
so it imports no model at load time."""


def for_supplier_members(user, *args):
    # Granted by marketplace.dashboard.access while the user holds a supplier membership.
    return not user.is_staff and user.has_perm("partner.dashboard_access")


def for_operators(user, *args):
    return user.is_staff
