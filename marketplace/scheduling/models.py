from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """One run of a scheduled job for one of its periods. The unique (job, slot) pair is what keeps a job from
    running twice for a period, even when two schedulers run by mistake: the second insert fails."""

    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting for a worker")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(_("job"), max_length=100)
    slot = models.DateTimeField(_("period starting"))
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    output = models.TextField(_("output"), blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")
        ordering = ["-claimed_at"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduling_one_run_per_slot")]
        indexes = [models.Index(fields=["job", "-claimed_at"])]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"


class Heartbeat(models.Model):
    """When the scheduler last woke up: /health/ reports a scheduler that has stopped."""

    name = models.CharField(max_length=50, primary_key=True)
    beat_at = models.DateTimeField()
    host = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"
