"""On PostgreSQL, the full text of each index moves from a tsvector table (GIN)
to a table of (word, entry, in the name?) rows (see search/backends/fulltext.py),
filled from the tsvectors: their weight A marked the name's words. A database
migrated from scratch has the words tables already (0002 and 0006 create what
fulltext.py describes) and nothing to move. SQLite keeps its FTS5 tables."""

from django.db import migrations

from search.backends.fulltext import PRODUCT_TABLE, TABLE, PostgresFullText


def words_from_tsvectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in (TABLE, PRODUCT_TABLE):
        words = PostgresFullText(table)
        for sql in words.create_sql:
            schema_editor.execute(sql)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
            (old,) = cursor.fetchone()
        if old:
            schema_editor.execute(
                f"INSERT INTO {words.table} (word, {words.key}, in_name) "
                f"SELECT lexeme, {words.key}, 'A' = ANY(weights) FROM {table}, unnest(document)"
            )
            schema_editor.execute(f"DROP TABLE {table}")


class Migration(migrations.Migration):
    dependencies = [("search", "0007_index_stamp")]

    # Forward only: the old tables' weights cannot be rebuilt from the words
    # (`manage.py search_index rebuild` after migrating back).
    operations = [migrations.RunPython(words_from_tsvectors, migrations.RunPython.noop)]
