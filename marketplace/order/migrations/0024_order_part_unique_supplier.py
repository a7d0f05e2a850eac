# One order part per supplier of a purchase (joint quotes award several suppliers at once).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('order', '0023_line_vat_treatment'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='order',
            constraint=models.UniqueConstraint(fields=('purchase', 'supplier'), name='order_part_unique_supplier'),
        ),
    ]
