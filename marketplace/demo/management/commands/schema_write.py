from django.core.management.base import BaseCommand

from marketplace.demo import schema


class Command(BaseCommand):
    help = (
        "Write marketplace/demo/schema.sql, the dump of a new SQLite database the migrations built, from which "
        "`make run` starts a new development database (after adding or changing a migration)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Wrote {schema.write()}.")
