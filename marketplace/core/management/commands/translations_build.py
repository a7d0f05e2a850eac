"""Builds the interface's translations: the Serbian Latin catalogue from the Cyrillic
one, then every catalogue's compiled .mo file (the Cyrillic one with Oscar's Serbian
strings in Cyrillic). `make run`, `make test` and the
Dockerfile call it; neither output is committed."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from marketplace.core import translations


class Command(BaseCommand):
    help = "Transliterate the Serbian catalogue to Latin script and compile every catalogue (.po -> .mo)."

    def handle(self, *args, **options):
        path = translations.serbian_latin_write()
        self.stdout.write(f"Wrote {path.relative_to(translations.locale_dir().parent)}")
        call_command("compilemessages", locale=[*translations.TRANSLATED, translations.SERBIAN_LATIN], verbosity=0)
        translations.serbian_cyrillic_compile()
        self.stdout.write("Compiled the catalogues.")
