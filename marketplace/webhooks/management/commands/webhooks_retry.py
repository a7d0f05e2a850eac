from django.core.management.base import BaseCommand

from marketplace.webhooks import services


class Command(BaseCommand):
    help = "Sends the webhook deliveries that are due (new ones a task missed, and retries). Run it every minute."

    def handle(self, *args, **options):
        sent = services.deliveries_due_send()
        self.stdout.write(f"{sent} webhook deliveries attempted.")
