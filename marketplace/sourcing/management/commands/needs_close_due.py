from django.core.management.base import BaseCommand

from marketplace.sourcing.services import needs_close_due


class Command(BaseCommand):
    help = (
        "Close the needs whose deadline for quotes has passed "
        "(safe to run often; the scheduler runs it every five minutes)."
    )

    def handle(self, *args, **options):
        closed = needs_close_due()
        self.stdout.write(f"{closed} need(s) closed.")
