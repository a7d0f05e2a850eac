from django_tasks import task

from . import services


@task()
def reindex_suppliers(supplier_ids: list[int]) -> None:
    services.suppliers_reindex(supplier_ids)
