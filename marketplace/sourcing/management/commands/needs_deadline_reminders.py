from django.core.management.base import BaseCommand

from marketplace.sourcing.services import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Remind invited suppliers that have neither quoted nor declined, NEED_DEADLINE_REMINDER_DAYS before "
        "the deadline for quotes (once per invitation: safe to run often; the scheduler runs it daily)."
    )

    def handle(self, *args, **options):
        reminded = deadline_reminders_send()
        self.stdout.write(f"{reminded} invitation(s) reminded.")
