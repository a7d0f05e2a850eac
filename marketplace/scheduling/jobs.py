"""Every periodic job of the platform, declared once with its period.

`manage.py scheduler` (one process: `make run`, the compose service `scheduler`) claims each job's current
period and hands it to the task worker; nothing else (no cron) runs these commands. Each job is a management
command that is safe to run again: it acts on what is due at the time it runs.

Times are UTC. A job's period starts at `at` after the start of its cycle: the cycles of `every` are counted from
the Unix epoch (1970-01-01T00:00Z, a Thursday), so a weekly job at `days=4, hours=5` runs on Mondays at 05:00.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta
    args: tuple[str, ...] = ()
    at: timedelta = field(default=timedelta(0))
    description: str = ""

    @property
    def key(self) -> str:
        """Names the job in run records and logs: the command line."""
        return " ".join((self.command, *self.args))

    def slot(self, now: datetime) -> datetime:
        """The start of the period that holds `now`: one run per job and slot."""
        cycles = (now - EPOCH - self.at) // self.every
        return EPOCH + self.at + cycles * self.every


JOBS = (
    Job("webhooks_retry", MINUTE, description="Webhook deliveries due, new and retried"),
    Job("publish_scheduled", 5 * MINUTE, description="Wagtail pages whose go-live or expiry time has come"),
    Job("needs_close_due", 5 * MINUTE, description="Needs whose deadline for quotes has passed"),
    Job("payments_expire_abandoned", 5 * MINUTE, description="Card payments abandoned before paying"),
    Job("privacy_purge", DAY, at=timedelta(hours=2), description="Data past its retention period"),
    Job("charter_lapses", DAY, at=timedelta(hours=3), description="Network charters signed too long ago"),
    Job("claims_expire", DAY, at=timedelta(hours=3, minutes=30), description="Verification claims expiring"),
    Job("vat_ids_recheck", DAY, at=timedelta(hours=4), description="VAT numbers VIES could not check"),
    Job("notifications_digest", DAY, args=("daily",), at=timedelta(hours=5), description="Daily summaries"),
    Job(
        "notifications_digest",
        7 * DAY,
        args=("weekly",),
        at=timedelta(days=4, hours=5),  # Mondays
        description="Weekly summaries",
    ),
    Job("needs_deadline_reminders", DAY, at=timedelta(hours=6), description="Invitations to quote due soon"),
)

BY_KEY = {job.key: job for job in JOBS}
