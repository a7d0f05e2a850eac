from django.core.management.base import BaseCommand

from marketplace.networks.services import charter_lapses


class Command(BaseCommand):
    help = (
        "Record the charter signatures whose re-sign period has ended (their badge and search label go) and "
        "remind members whose signature lapses soon (the scheduler runs it daily)."
    )

    def handle(self, *args, **options):
        lapsed, reminded = charter_lapses()
        self.stdout.write(f"{lapsed} signature(s) lapsed, {reminded} member(s) reminded.")
