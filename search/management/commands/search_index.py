from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import backends, services


class Command(BaseCommand):
    help = "Manage the search indexes. `rebuild` rebuilds the supplier and product indexes from the database."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, action, no_progress=False, **options):
        for index, unit in (("suppliers", "supplier"), ("products", "product")):
            names = ", ".join(backend.name for backend in backends.indexing_backends(index))
            total = services.index_size(index) * len(backends.indexing_backends(index))
            with tqdm(total=total, desc=f"Indexing {index} ({names})", unit=unit, disable=no_progress) as bar:
                try:
                    indexed = services.index_rebuild(progress=bar.update, indexes=[index])[index]
                except backends.BackendUnavailable as error:
                    raise CommandError(f"A search backend is unreachable: {error}") from error
            self.stdout.write(self.style.SUCCESS(f"{indexed} {index} indexed in: {names}."))
