"""Background work of sourcing (django-tasks; tests and development run it at once)."""

from django_tasks import default_task_backend, task


@task()
def invitations_send(need_id: int, supplier_ids: list[int]) -> int:
    from . import services

    return services.invitations_send(need_id=need_id, supplier_ids=supplier_ids)


@task()
def needs_close_due() -> int:
    """Closes the needs whose deadline has passed. Each published need schedules this at
    its deadline; the scheduler also runs `manage.py needs_close_due` as a safety net."""
    from . import services

    return services.needs_close_due()


def need_close_at_deadline(need) -> None:
    """Schedules the close at the deadline where the task backend can defer (the database
    backend of production); the immediate backend of tests cannot, and there the close
    is driven by running the task (or the command) after the deadline."""
    if default_task_backend.supports_defer:
        needs_close_due.using(run_after=need.deadline).enqueue()
