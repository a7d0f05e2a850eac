# Existing calls to action are in the default (English) locale, each its own translation key.

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0004_call_to_action_locale_fields"),
    ]

    operations = [
        BootstrapTranslatableModel("cms.CallToAction"),
    ]
