from datetime import datetime

from .models import Heartbeat

SCHEDULER = "scheduler"


def scheduler_heartbeat() -> datetime | None:
    """When the scheduler last ticked, or None if it never ran."""
    return Heartbeat.objects.filter(name=SCHEDULER).values_list("beat_at", flat=True).first()
