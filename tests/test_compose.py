"""docker-compose.yml cannot run here (no Docker engine): what it asks of the code is checked instead."""

from pathlib import Path

import yaml
from django.core.management import get_commands

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[1] / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def manage_commands(service):
    """The manage.py commands a service runs, in its command and its health check."""
    found = []
    for part in (service.get("command", []), service.get("healthcheck", {}).get("test", [])):
        text = " ".join(part)
        for chunk in text.split("manage.py ")[1:]:
            found.append(chunk.split()[0])
    return found


def test_web_worker_and_scheduler_run_the_image_without_cron():
    assert {"web", "worker", "scheduler"} <= set(SERVICES)
    assert SERVICES["scheduler"]["command"] == ["python", "manage.py", "scheduler"]
    assert SERVICES["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert "/health/" in " ".join(SERVICES["web"]["healthcheck"]["test"])
    assert all(SERVICES[name]["environment"] == SERVICES["web"]["environment"] for name in ("worker", "scheduler"))


def test_every_management_command_compose_runs_exists():
    commands = get_commands()
    used = {command for service in SERVICES.values() for command in manage_commands(service)}
    assert {"migrate", "scheduler", "db_worker", "health"} <= used
    assert used - set(commands) == set()
