"""The labels suppliers held before labels were claims: each becomes a verified claim
(without evidence, as operators had accepted it), so that nothing disappears from
profiles and search; renewals ask for evidence from then on."""

from django.db import migrations


def labels_held_so_far(apps, schema_editor):
    Supplier = apps.get_model("organisations", "Supplier")
    LabelClaim = apps.get_model("verification", "LabelClaim")
    ClaimEvent = apps.get_model("verification", "ClaimEvent")
    Through = Supplier.labels.through
    for row in Through.objects.select_related("label").iterator():
        claim, created = LabelClaim.objects.get_or_create(
            supplier_id=row.supplier_id, label_id=row.label_id, defaults={"decision": "verified"}
        )
        if created:
            ClaimEvent.objects.create(
                supplier_id=row.supplier_id,
                kind="label",
                claim_id=claim.pk,
                subject=row.label.name[:300],
                action="verified",
                note="Held before labels were claims with evidence.",
            )


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0001_initial"),
    ]

    operations = [migrations.RunPython(labels_held_so_far, migrations.RunPython.noop)]
