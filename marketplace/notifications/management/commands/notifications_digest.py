from django.core.management.base import BaseCommand

from marketplace.notifications.kinds import Frequency
from marketplace.notifications.services import digests_send


class Command(BaseCommand):
    help = (
        "Send each person the summary of the notifications they chose to receive daily or weekly "
        "(the scheduler runs `daily` every day and `weekly` on Mondays; running it twice sends nothing twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[Frequency.DAILY, Frequency.WEEKLY])

    def handle(self, *args, frequency, **options):
        sent = digests_send(frequency=frequency)
        self.stdout.write(f"{sent} summary/summaries sent.")
