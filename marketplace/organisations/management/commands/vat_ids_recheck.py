from django.core.management.base import BaseCommand

from marketplace.organisations.services import vat_ids_recheck


class Command(BaseCommand):
    help = (
        "Asks VIES about the organisations' VAT IDs it could not answer for, those never checked and "
        "those checked more than 30 days ago. The scheduler runs it daily; running it again does no harm."
    )

    def handle(self, *args, **options):
        count = vat_ids_recheck()
        self.stdout.write(f"Asked VIES about {count} VAT ID(s).")
