"""Updates the catalogues in locale/ from the strings of the code and templates: new
strings are added untranslated, translations of the others are kept (`make messages`)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from marketplace.core import translations


class Command(BaseCommand):
    help = "Add the code's new strings to the translation catalogues (makemessages with the project's options)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", action="append", dest="locales", help="Only this catalogue (repeatable); all by default."
        )

    def handle(self, *args, locales=None, **options):
        call_command(
            "makemessages", locale=locales or list(translations.TRANSLATED), verbosity=options["verbosity"],
            **translations.MAKEMESSAGES_OPTIONS,
        )  # fmt: skip
