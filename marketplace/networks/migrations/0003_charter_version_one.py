"""Each network's charter as it stands becomes its version 1, and each membership that had
signed it (NetworkMembership.charter_signed_on) a signature of that version, made at noon
of that day. charter_signed_on stays as the date of the signature that counts."""

import datetime

from django.db import migrations

LANGUAGES = ("en", "fr", "de", "nl", "sr", "sr_latn")


def version_one(apps, schema_editor):
    Network = apps.get_model("organisations", "Network")
    CharterVersion = apps.get_model("networks", "CharterVersion")
    CharterSignature = apps.get_model("networks", "CharterSignature")
    NetworkMembership = apps.get_model("organisations", "NetworkMembership")
    for network in Network.objects.all():
        signed = NetworkMembership.objects.filter(network=network, charter_signed_on__isnull=False)
        texts = {f"text_{code}": getattr(network, f"charter_{code}") for code in LANGUAGES}
        if not any(texts.values()) and not network.charter and not signed.exists():
            continue
        titles = {f"title_{code}": getattr(network, f"charter_title_{code}") for code in LANGUAGES}
        first_day = min([m.charter_signed_on for m in signed], default=network.created_at.date())
        version = CharterVersion.objects.create(
            network=network,
            number=1,
            title=network.charter_title or "Charter",
            text=network.charter or "",
            published_at=datetime.datetime.combine(first_day, datetime.time(12), tzinfo=datetime.UTC),
            **titles,
            **texts,
        )
        CharterSignature.objects.bulk_create(
            CharterSignature(
                version=version,
                supplier_id=m.supplier_id,
                signed_at=datetime.datetime.combine(m.charter_signed_on, datetime.time(12), tzinfo=datetime.UTC),
            )
            for m in signed
        )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0002_charter_invitations_join_requests"),
        ("organisations", "0009_vat_id_vies"),
    ]

    operations = [migrations.RunPython(version_one, migrations.RunPython.noop)]
