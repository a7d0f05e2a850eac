"""Descriptions stored before the sanitiser existed are cleaned by it (marketplace.richtext):
a script imported earlier must not stay in the database (or in exports, or the search index).
The sanitiser is imported rather than frozen: the stored text must match what pages render."""

from django.db import migrations

from marketplace import richtext

FIELDS = {"Product": ("description",), "Category": ("description", "long_description")}


def clean_rich_text(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("catalogue", model_name)
        for row in model.objects.only("pk", *fields).iterator():
            changed = {name: richtext.clean(getattr(row, name)) for name in fields}
            if any(changed[name] != (getattr(row, name) or "") for name in fields):
                model.objects.filter(pk=row.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0034_product_classes_and_attributes")]

    operations = [migrations.RunPython(clean_rich_text, migrations.RunPython.noop)]
