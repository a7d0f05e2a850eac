import json

from django.core.management.base import BaseCommand, CommandError

from marketplace.operations.health import CHECKS, health_report


class Command(BaseCommand):
    help = (
        "Print what /health/ answers. Fails when a critical check fails, or when a check named by --require "
        "is not ok (compose's health checks: `health --require scheduler`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--require", action="append", choices=sorted(CHECKS), default=[])

    def handle(self, *args, require, **options):
        status, checks = health_report()
        self.stdout.write(json.dumps({"status": status, "checks": checks}, indent=2))
        not_ok = [name for name in require if not checks[name]["ok"]]
        if status == "failing" or not_ok:
            raise CommandError(f"Unhealthy: {status}" + (f", not ok: {', '.join(not_ok)}" if not_ok else ""))
