"""Daily: record the claims that expired (history, labels, search) and remind suppliers'
administrators of claims that expire within CLAIM_REMINDER_DAYS."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from marketplace.verification import services


class Command(BaseCommand):
    help = "Record expired claims and remind suppliers of claims that expire soon (run daily)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        expired = services.claims_expire(today=today)
        reminded = services.claims_remind(today=today)
        self.stdout.write(f"{expired} expired, {reminded} reminded")
