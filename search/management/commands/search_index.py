from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import backends, services


class Command(BaseCommand):
    help = "Manage the supplier search indexes. `rebuild` rebuilds every index from the database."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, action, no_progress=False, **options):
        names = ", ".join(backend.name for backend in backends.indexing_backends())
        total = services.index_size() * len(backends.indexing_backends())
        with tqdm(total=total, desc=f"Indexing suppliers ({names})", unit="supplier", disable=no_progress) as bar:
            try:
                indexed = services.index_rebuild(progress=bar.update)
            except backends.BackendUnavailable as error:
                raise CommandError(f"A search backend is unreachable: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{indexed} suppliers indexed in: {names}."))
