from django.core.management.base import BaseCommand

from cms.services import editorial_roles_ensure
from marketplace.accounts.services import operator_role_ensure


class Command(BaseCommand):
    help = (
        "Create or top up the groups behind the platform's roles: Operators (shop dashboard, "
        "organisations, needs, payments) and the editorial Editors and Moderators. Run after migrate."
    )

    def handle(self, *args, **options):
        groups = [operator_role_ensure(), *editorial_roles_ensure().values()]
        for group in groups:
            self.stdout.write(f"{group.name}: {group.permissions.count()} permissions")
