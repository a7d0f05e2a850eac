# Joint quotes: a quote's lines each name their supplier (until now always the quote's),
# partners invited by the lead, and a quote "in preparation" while they price their lines.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def lines_supplied_by_their_quote_supplier(apps, schema_editor):
    Quote = apps.get_model("sourcing", "Quote")
    QuoteLine = apps.get_model("sourcing", "QuoteLine")
    QuoteLine.objects.update(supplier=Subquery(Quote.objects.filter(pk=OuterRef("quote_id")).values("supplier_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0009_vat_id_vies'),
        ('sourcing', '0004_need_reserved_contract'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='JointQuote',
            fields=[
            ],
            options={
                'verbose_name': 'joint quote',
                'verbose_name_plural': 'joint quotes',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('sourcing.quote',),
        ),
        migrations.AddField(
            model_name='quote',
            name='joint',
            field=models.BooleanField(default=False, verbose_name='joint quote'),
        ),
        migrations.AddField(
            model_name='quoteline',
            name='supplier',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='quote_lines', to='organisations.supplier', verbose_name='supplier'),
        ),
        migrations.RunPython(lines_supplied_by_their_quote_supplier, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='quoteline',
            name='supplier',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quote_lines', to='organisations.supplier', verbose_name='supplier'),
        ),
        migrations.AlterField(
            model_name='quote',
            name='status',
            field=models.CharField(choices=[('preparing', 'In preparation'), ('submitted', 'Submitted'), ('withdrawn', 'Withdrawn'), ('awarded', 'Awarded'), ('not_selected', 'Not selected')], default='submitted', max_length=16, verbose_name='status'),
        ),
        migrations.CreateModel(
            name='QuotePartner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('invited', 'Invited, no answer yet'), ('accepted', 'Taking part'), ('declined', 'Declined'), ('left_out', 'Left out: no answer before the quote was sent')], default='invited', max_length=16, verbose_name='status')),
                ('lines_ready', models.BooleanField(default=False, verbose_name='lines ready')),
                ('invited_at', models.DateTimeField(auto_now_add=True, verbose_name='invited')),
                ('responded_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('quote', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partners', to='sourcing.quote', verbose_name='joint quote')),
                ('supplier', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='joint_quote_partnerships', to='organisations.supplier', verbose_name='partner supplier')),
            ],
            options={
                'verbose_name': 'partner in a joint quote',
                'verbose_name_plural': 'partners in joint quotes',
                'ordering': ['supplier__name', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('quote', 'supplier'), name='quote_partner_unique_supplier')],
            },
        ),
    ]
