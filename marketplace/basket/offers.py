"""No offers or vouchers in a B2B shop: prices are the suppliers' own and a purchase's
total is the sum of its lines. Oscar's basket middleware, basket views and checkout load
the offer applicator by name (`offer.applicator.Applicator`); marketplace.basket.loading
hands them this one, which finds no offer and applies nothing, so no discount, shipping
offer or voucher can make the basket total differ from the sum of its lines.

Oscar's `offer` and `voucher` apps stay installed: oscar.config.Shop, the dashboard's
app config and its index view look them up, and the basket's `vouchers` field and its
migrations point at the voucher table."""

from oscar.apps.offer.applicator import Applicator as OscarApplicator
from oscar.apps.offer.results import OfferApplications


class Applicator(OscarApplicator):
    def apply(self, basket, user=None, request=None):
        basket.offer_applications = OfferApplications()

    def apply_offers(self, basket, offers):
        basket.offer_applications = OfferApplications()

    def get_offers(self, basket, user=None, request=None):
        return []
