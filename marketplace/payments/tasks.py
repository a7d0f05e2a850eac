from django_tasks import task

from . import card


@task()
def payments_expire_abandoned() -> int:
    """Gives up card purchases left unpaid too long (schedule it every few minutes)."""
    return card.card_payments_expire_abandoned()
