from .memberships import Invitation, Membership, Role
from .networks import Network, NetworkMembership, NetworkPartner
from .organisations import Buyer, BuyerSize, Organisation, ServedArea, Supplier, SupplierPhoto, language_of_country
from .taxonomy import ImpactArea, Label, Region, Sector

__all__ = [
    "Buyer",
    "BuyerSize",
    "ImpactArea",
    "Invitation",
    "Label",
    "Membership",
    "Network",
    "NetworkMembership",
    "NetworkPartner",
    "Organisation",
    "Region",
    "Role",
    "Sector",
    "ServedArea",
    "Supplier",
    "SupplierPhoto",
    "language_of_country",
]
