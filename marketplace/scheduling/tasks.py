from django_tasks import task

from . import services


@task()
def job_run(run_id: int) -> None:
    services.job_run(run_id)
