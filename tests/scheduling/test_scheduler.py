"""The scheduler, driven with a frozen clock: which jobs run when, once per period whatever happens."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command, get_commands
from django.test import override_settings

from marketplace.scheduling import jobs, services
from marketplace.scheduling.jobs import JOBS, Job
from marketplace.scheduling.models import JobRun
from marketplace.scheduling.selectors import scheduler_heartbeat

pytestmark = pytest.mark.django_db

MONDAY_10H = datetime.datetime(2026, 12, 7, 10, 0, 30, tzinfo=datetime.UTC)
EVERY_FIVE_MINUTES = {"publish_scheduled", "needs_close_due", "payments_expire_abandoned"}


def at(moment):
    return time_machine.travel(moment, tick=False)


def tick_jobs():
    return sorted(run.job for run in services.tick())


def test_every_declared_job_is_a_management_command():
    commands = get_commands()
    assert [job.command for job in JOBS if job.command not in commands] == []
    assert len({job.key for job in JOBS}) == len(JOBS)


@pytest.mark.parametrize(
    ("job", "moment", "slot"),
    [
        (Job("x", jobs.MINUTE), "2026-12-07T10:00:59", "2026-12-07T10:00"),
        (Job("x", 5 * jobs.MINUTE), "2026-12-07T10:04:59", "2026-12-07T10:00"),
        (Job("x", jobs.DAY, at=datetime.timedelta(hours=2)), "2026-12-07T01:59", "2026-12-06T02:00"),
        (Job("x", jobs.DAY, at=datetime.timedelta(hours=2)), "2026-12-07T02:00", "2026-12-07T02:00"),
        # Weekly on Mondays at 05:00 (the epoch was a Thursday): 2026-12-07 is a Monday.
        (Job("x", 7 * jobs.DAY, at=datetime.timedelta(days=4, hours=5)), "2026-12-13T23:00", "2026-12-07T05:00"),
        (Job("x", 7 * jobs.DAY, at=datetime.timedelta(days=4, hours=5)), "2026-12-07T04:59", "2026-11-30T05:00"),
    ],
)
def test_a_job_period_starts_where_its_declaration_says(job, moment, slot):
    utc = datetime.UTC
    assert job.slot(datetime.datetime.fromisoformat(moment).replace(tzinfo=utc)) == (
        datetime.datetime.fromisoformat(slot).replace(tzinfo=utc)
    )


def test_each_job_runs_once_per_period_and_its_outcome_is_recorded():
    assert scheduler_heartbeat() is None
    with at(MONDAY_10H):
        assert tick_jobs() == sorted(job.key for job in JOBS)  # a new platform runs everything once
        assert scheduler_heartbeat() == MONDAY_10H
        assert tick_jobs() == []  # the same minute again: nothing
    assert set(JobRun.objects.values_list("outcome", flat=True)) == {JobRun.Outcome.SUCCEEDED}
    assert "need(s) closed" in JobRun.objects.get(job="needs_close_due").output

    with at(MONDAY_10H + datetime.timedelta(minutes=1)):
        assert tick_jobs() == ["webhooks_retry"]
    with at(MONDAY_10H + datetime.timedelta(minutes=4)):
        assert tick_jobs() == ["webhooks_retry"]
        assert tick_jobs() == []
    with at(MONDAY_10H + datetime.timedelta(minutes=5)):
        assert tick_jobs() == sorted({"webhooks_retry"} | EVERY_FIVE_MINUTES)


def test_two_schedulers_run_a_period_once():
    with at(MONDAY_10H):
        first = tick_jobs()
        second = tick_jobs()  # another process, same minute: its inserts lose to the unique (job, slot) pair
    assert first and second == []
    assert JobRun.objects.filter(job="webhooks_retry").count() == 1


def test_periods_missed_while_down_run_once_when_the_scheduler_comes_back():
    with at(MONDAY_10H):
        services.tick()
    # Down from Monday to Thursday noon: three daily periods and thousands of minutes were missed.
    with at(MONDAY_10H + datetime.timedelta(days=3, hours=2)):
        ran = tick_jobs()
    assert ran.count("privacy_purge") == 1
    assert ran.count("webhooks_retry") == 1
    assert "notifications_digest weekly" not in ran  # its period (Monday 05:00) already ran
    assert list(JobRun.objects.filter(job="privacy_purge").values_list("slot", flat=True)) == [
        datetime.datetime(2026, 12, 10, 2, tzinfo=datetime.UTC),
        datetime.datetime(2026, 12, 7, 2, tzinfo=datetime.UTC),
    ]


def test_a_failing_job_is_recorded_and_tried_again_next_period(monkeypatch):
    failing = Job("check", jobs.MINUTE, args=("no_such_app",))
    monkeypatch.setattr(services, "JOBS", (failing,))
    monkeypatch.setattr(services, "BY_KEY", {failing.key: failing})
    with at(MONDAY_10H):
        assert tick_jobs() == ["check no_such_app"]
    run = JobRun.objects.get()
    assert run.outcome == JobRun.Outcome.FAILED
    assert "no_such_app" in run.output
    assert run.finished_at == MONDAY_10H
    with at(MONDAY_10H + datetime.timedelta(minutes=1)):
        assert tick_jobs() == ["check no_such_app"]


# A transaction test: the worker commits and checks its connection between tasks, as in production.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_worker_runs_claimed_jobs_and_a_waiting_run_holds_back_the_next_periods():
    with at(MONDAY_10H):
        services.tick()
    assert set(JobRun.objects.values_list("outcome", flat=True)) == {JobRun.Outcome.WAITING}
    # The worker is stopped: the next minutes do not pile runs up behind the waiting one.
    with at(MONDAY_10H + datetime.timedelta(minutes=2)):
        assert tick_jobs() == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert set(JobRun.objects.values_list("outcome", flat=True)) == {JobRun.Outcome.SUCCEEDED}
    with at(MONDAY_10H + datetime.timedelta(minutes=3)):
        assert tick_jobs() == ["webhooks_retry"]
    # A run a killed worker left unfinished for an hour no longer holds its job back.
    with at(MONDAY_10H + datetime.timedelta(minutes=64)):
        assert "webhooks_retry" in tick_jobs()


def test_the_scheduler_command_once_claims_and_names_the_due_jobs():
    out = io.StringIO()
    with at(MONDAY_10H):
        call_command("scheduler", "--once", stdout=out)
    assert "privacy_purge" in out.getvalue()
    assert JobRun.objects.count() == len(JOBS)


def test_operators_read_the_runs_in_the_admin(admin_client):
    with at(MONDAY_10H):
        services.tick()
    page = admin_client.get("/django-admin/scheduling/jobrun/")
    assert page.status_code == 200
    assert "needs_close_due" in page.content.decode()
    assert admin_client.get("/django-admin/scheduling/jobrun/add/").status_code == 403
