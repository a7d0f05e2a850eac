from django.conf import settings
from django.core.management.base import BaseCommand

from marketplace.payments.card import card_payments_expire_abandoned


class Command(BaseCommand):
    help = (
        "Gives up card purchases still awaiting payment after CARD_PAYMENT_TIMEOUT_MINUTES: cancels their "
        "PaymentIntent, releases their stock and reopens their basket. The scheduler runs it every five minutes."
    )

    def handle(self, *args, **options):
        count = card_payments_expire_abandoned()
        self.stdout.write(
            f"Gave up {count} card purchase(s) unpaid for more than {settings.CARD_PAYMENT_TIMEOUT_MINUTES} minutes."
        )
