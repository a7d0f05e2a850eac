from django.core.management.base import BaseCommand

from marketplace.privacy.services import purge


class Command(BaseCommand):
    help = "Delete what is no longer needed (abandoned baskets, unconfirmed accounts, old invitations…). Run daily."

    def handle(self, *args, **options):
        for what, count in purge().items():
            self.stdout.write(f"{what}: {count}")
