import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked for the pricing and availability strategy (strategy.py)."""

    name = "marketplace.partner"
