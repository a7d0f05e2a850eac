from django.core.management.base import BaseCommand

from catalogue.services import categories_sync


class Command(BaseCommand):
    help = "Give every sector its shop category (saving a sector does this too; run once on older databases)."

    def handle(self, *args, **options):
        count = categories_sync()
        self.stdout.write(self.style.SUCCESS(f"{count} sectors have their category."))
