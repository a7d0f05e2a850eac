from django_tasks import task

from . import services


@task()
def reindex_suppliers(supplier_ids: list[int]) -> None:
    services.suppliers_reindex(supplier_ids)


@task()
def reindex_products(product_ids: list[int]) -> None:
    services.products_reindex(product_ids)
