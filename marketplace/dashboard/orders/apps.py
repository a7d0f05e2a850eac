import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Fork of Oscar's orders dashboard: an order may hold several suppliers'
    lines, and a supplier's members see and act on their own lines only."""

    name = "marketplace.dashboard.orders"
