from django.conf import settings
from django.core.management.base import BaseCommand

from marketplace.demo.data import DEMO_PASSWORD
from marketplace.demo.loader import DemoLoader
from marketplace.demo.security import two_step_note

DEMO_LOGINS = [
    ("buyer@example.com", "procurement officer at Acier Moselle SA (France): legal deductions in /impact/"),
    ("buyer-lu@example.com", "procurement officer at Kredit Mosel S.A. (Luxembourg): cross-border invoices"),
    ("supplier@example.com", "administrator of a social enterprise in Luxembourg (local food)"),
    ("supplier2@example.com", "administrator of a social enterprise (reused construction materials)"),
    ("supplier3@example.com", "administrator of a social enterprise (office cleaning)"),
    ("editor@example.com", "editor of stories and pages in /cms/ (submits them for moderation)"),
    ("moderator@example.com", "moderator in /cms/: approves and publishes stories and pages"),
    ("operator@example.com", "operator: /django-admin/ and /shop/dashboard/"),
    ("coordinator@example.com", "coordinator of two networks: /coordination/ (members, charter, figures)"),
    ("funder@example.com", "partner (a bank) of the SSE Cluster Grande Région: reads its figures"),
]


class Command(BaseCommand):
    help = "Load the demo world (networks, suppliers, products, buyers, stories, users). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--no-images", action="store_true", help="Skip generating logos and product images.")

    def handle(self, *args, no_images=False, **options):
        counts = DemoLoader(images=not no_images, log=self.stdout.write).run()
        self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()))
        logins_write(self)


def logins_write(command: BaseCommand) -> None:
    command.stdout.write(command.style.SUCCESS(f"Demo logins (password {DEMO_PASSWORD}):"))
    for email, role in DEMO_LOGINS:
        command.stdout.write(f"  {email:24} {role}")
    if settings.OTP_REQUIRED_FOR_OPERATORS:
        command.stdout.write(two_step_note())
