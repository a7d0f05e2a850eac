from django.db import migrations


class Migration(migrations.Migration):
    """Entries indexed before the EVERYTHING row existed get one, so totals stay right without a rebuild."""

    dependencies = [("search", "0002_supplier_fulltext")]

    operations = [
        migrations.RunSQL(
            "INSERT INTO search_supplierfacetentry (entry_id, facet, value) "
            "SELECT supplier_id, '_all', '1' FROM search_supplierentry",
            "DELETE FROM search_supplierfacetentry WHERE facet = '_all'",
        )
    ]
