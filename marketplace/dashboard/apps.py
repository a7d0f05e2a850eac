import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    """Fork of Oscar's dashboard (label `dashboard`): Oscar looks up the classes of
    `dashboard.orders`, `dashboard.catalogue`… under this package first, so our
    `orders` and `catalogue` sub-packages replace only the classes they define."""

    name = "marketplace.dashboard"
