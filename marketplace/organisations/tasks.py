"""Background work of organisations (django-tasks; tests and development run it at once)."""

from django_tasks import task


@task()
def vat_id_check(organisation_id: int, attempt: int = 0) -> str:
    """Asks VIES about an organisation's VAT ID and stores the answer."""
    from . import services

    return services.vat_id_vies_ask(organisation_id=organisation_id, attempt=attempt)


@task()
def vat_ids_recheck() -> int:
    """Asks VIES again where it could not answer, and about answers older than 30 days (daily)."""
    from . import services

    return services.vat_ids_recheck()


@task()
def supplier_geocode(supplier_id: int) -> bool:
    """Geocodes a supplier's address after it changed (settings.GEOCODER; "off" finds nothing)."""
    from . import services

    return services.supplier_location_geocode(supplier_id=supplier_id)
