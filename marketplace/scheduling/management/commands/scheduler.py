import signal
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from marketplace.scheduling.services import tick


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs declared in marketplace/scheduling/jobs.py: wakes up every minute and hands the "
        "jobs that are due to the task worker. Run one (a second one does no harm: each period runs once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Claim what is due now, then stop.")

    def handle(self, *args, once=False, **options):
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while not self.stopping:
            for run in tick():
                self.stdout.write(f"{timezone.now():%H:%M:%S} {run.job}")
            if once:
                return
            # Wake at the start of the next minute, checking for a stop request every second.
            next_minute = time.time() // 60 * 60 + 60
            while not self.stopping and (left := next_minute - time.time()) > 0:
                time.sleep(min(1.0, left))

    def _stop(self, signum, frame):
        self.stopping = True
