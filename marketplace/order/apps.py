import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, forked so that one checkout makes a *purchase* holding one
    Oscar order per supplier (its *part*), each with its own status flow."""

    name = "marketplace.order"
