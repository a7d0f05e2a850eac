import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Fork of Oscar's orders dashboard: only the order list's CSV differs."""

    name = "marketplace.dashboard.orders"
