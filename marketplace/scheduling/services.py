"""The scheduler's writes: claim the periods that are due, run them in the worker, beat."""

import io
import logging
import socket
import traceback
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .jobs import BY_KEY, JOBS, Job
from .models import Heartbeat, JobRun
from .selectors import SCHEDULER

logger = logging.getLogger(__name__)

# A run still waiting or running after this long is taken for lost (a worker killed mid-job): the job may be
# claimed again. Younger ones keep the next periods from piling up behind a slow job or a stopped worker.
RUN_LOST_AFTER = timedelta(hours=1)


def tick(now: datetime | None = None) -> list[JobRun]:
    """One wake-up of the scheduler: beat, then claim and enqueue every job whose current period has no run.

    A period missed while the scheduler was down runs once when it comes back, not once per missed period:
    only the current period of each job is claimed."""
    from . import tasks

    now = now or timezone.now()
    Heartbeat.objects.update_or_create(name=SCHEDULER, defaults={"beat_at": now, "host": socket.gethostname()})
    claimed = [run for job in JOBS if (run := run_claim(job, now))]
    for run in claimed:
        tasks.job_run.enqueue(run.pk)
    return claimed


def run_claim(job: Job, now: datetime) -> JobRun | None:
    """The run of `job` for the period holding `now`, if nobody claimed it yet and no run of it is unfinished."""
    if JobRun.objects.filter(job=job.key, finished_at=None, claimed_at__gt=now - RUN_LOST_AFTER).exists():
        return None
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job.key, slot=job.slot(now))
    except IntegrityError:  # another scheduler, or this one before a restart, has this period
        return None


def job_run(run_id: int) -> None:
    """Run a claimed job's command and record its outcome and output; a failure is logged and the job's next
    period tries again."""
    run = JobRun.objects.get(pk=run_id)
    job = BY_KEY.get(run.job)
    output = io.StringIO()
    try:
        if job is None:
            raise LookupError(f"No scheduled job is declared as {run.job!r}.")
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except Exception:
        logger.exception("Scheduled job %s failed", run.job)
        run.outcome = JobRun.Outcome.FAILED
        output.write(traceback.format_exc())
    else:
        run.outcome = JobRun.Outcome.SUCCEEDED
    run.output = output.getvalue()[-10_000:]
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "output", "finished_at"])
