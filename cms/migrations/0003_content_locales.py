"""A Wagtail locale for each content language (settings.WAGTAIL_CONTENT_LANGUAGES). The
pages that exist stay in the default locale (English): they are the source tree that
translations are made from."""

from django.db import migrations

# As settings.WAGTAIL_CONTENT_LANGUAGES when this was written; a language added later gets its own migration.
CONTENT_LANGUAGES = ["en", "fr", "de", "nl", "sr"]


def locales_create(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_stories_figures_news_snippets"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(locales_create, migrations.RunPython.noop)]
