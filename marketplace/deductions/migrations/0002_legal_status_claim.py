"""Legal statuses become claims (marketplace.verification): who verified them becomes who
decided, and the statuses verified so far are "verified"."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def verified_so_far(apps, schema_editor):
    apps.get_model("deductions", "LegalStatus").objects.filter(decided_at__isnull=False).update(decision="verified")


class Migration(migrations.Migration):

    dependencies = [
        ('deductions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name='legalstatus', old_name='verified_at', new_name='decided_at'),
        migrations.RenameField(model_name='legalstatus', old_name='verified_by', new_name='decided_by'),
        migrations.AlterField(
            model_name='legalstatus',
            name='decided_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='decided at'),
        ),
        migrations.AlterField(
            model_name='legalstatus',
            name='decided_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by'),
        ),
        migrations.AddField(
            model_name='legalstatus',
            name='decision',
            field=models.CharField(choices=[('pending', 'Waiting for verification'), ('verified', 'Verified'), ('rejected', 'Rejected')], db_index=True, default='pending', max_length=16, verbose_name='decision'),
        ),
        migrations.AddField(
            model_name='legalstatus',
            name='decision_note',
            field=models.TextField(blank=True, max_length=2000, verbose_name='note on the decision'),
        ),
        migrations.AddField(
            model_name='legalstatus',
            name='lapsed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='expiry recorded at'),
        ),
        migrations.AddField(
            model_name='legalstatus',
            name='reminded_for',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='reminded of the expiry on'),
        ),
        migrations.RunPython(verified_so_far, migrations.RunPython.noop),
    ]
