"""A product file's life, shared by the supplier workspace and the operators' dashboard:
uploaded rows wait in a ProductImport, are previewed row by row, then imported once."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue import imports

from .models import ProductImport


class AlreadyImported(Exception):
    """The file was imported before (a second click, another tab)."""


def import_start(*, supplier, by, filename: str, rows: list[dict]) -> ProductImport:
    return ProductImport.objects.create(supplier=supplier, created_by=by, filename=filename[:255], rows=rows)


def import_preview(product_import: ProductImport) -> dict:
    """Per row, what importing would do (create or update) or what is wrong, and the counts."""
    results = imports.rows_validate(supplier=product_import.supplier, rows=product_import.rows)
    return {
        "results": results,
        "invalid_count": sum(1 for result in results if result.errors),
        "create_count": sum(1 for result in results if result.action == "create" and not result.errors),
        "update_count": sum(1 for result in results if result.action == "update" and not result.errors),
    }


@transaction.atomic
def import_confirm(*, product_import: ProductImport, by) -> dict:
    """Imports the file's rows once (a second confirm, or a concurrent one, raises
    AlreadyImported), all or none (ValidationError when a row is invalid). Returns the counts."""
    product_import = ProductImport.objects.select_for_update().get(pk=product_import.pk)
    if not product_import.is_pending:
        raise AlreadyImported(_("This file has already been imported."))
    counts = imports.products_import(supplier=product_import.supplier, rows=product_import.rows, by=by)
    product_import.status = ProductImport.Status.IMPORTED
    product_import.imported_at = timezone.now()
    product_import.created_count, product_import.updated_count = counts["created"], counts["updated"]
    product_import.save(update_fields=["status", "imported_at", "created_count", "updated_count"])
    return counts
