"""Background work of webhooks (django-tasks; tests and development run it at once)."""

from django_tasks import task


@task()
def delivery_send(delivery_id: int) -> bool:
    """One attempt of a delivery; failures wait for `manage.py webhooks_retry`."""
    from . import services

    return services.delivery_send(delivery_id=delivery_id) is not None
