from django.db import migrations


def create_fulltext(apps, schema_editor):
    from search.backends.fulltext import for_connection

    for sql in for_connection(schema_editor.connection).create_sql:
        schema_editor.execute(sql)


def drop_fulltext(apps, schema_editor):
    from search.backends.fulltext import for_connection

    for sql in for_connection(schema_editor.connection).drop_sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_fulltext, drop_fulltext)]
