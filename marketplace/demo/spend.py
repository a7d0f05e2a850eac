"""Declared spend in the demo: buyer@example.com's organisation imported an export of its
ERP with rows matched by VAT ID and by name, a doubtful name to review and two suppliers
that are not on the platform, so that its impact report shows declared spend.
Idempotent: the import is made once (by its file name)."""

from datetime import timedelta

from django.utils import timezone

from marketplace.spend.models import MatchStatus, SpendImport
from marketplace.spend.names import SupplierIndex
from marketplace.spend.selectors import matchable_suppliers
from marketplace.spend.services import spend_import

FILENAME = "demo-erp-export.csv"


def _doubtful(index: SupplierIndex, name: str) -> str | None:
    """A spelling of `name` the buyer has to confirm."""
    words = name.split()
    for variant in (" ".join(words[:-1]), " ".join(words[:2]) + " Services", words[0] + " Group"):
        if variant and index.match(name=variant, vat_id="").status == MatchStatus.REVIEW:
            return variant
    return None


def spend_demo(*, buyer, officer) -> None:
    if SpendImport.objects.filter(buyer=buyer, filename=FILENAME).exists():
        return
    suppliers = list(matchable_suppliers().order_by("pk")[:12])
    with_vat = next((s for s in suppliers if s.vat_id), None)
    by_name = [s for s in suppliers if s != with_vat]
    index = SupplierIndex(matchable_suppliers().values_list("pk", "name", "vat_id"))
    today = timezone.localdate()
    rows = []
    if with_vat is not None:
        rows.append((with_vat.name + " (ERP)", with_vat.vat_id, "2 400,00", 20, "Catering"))
    rows += [
        (by_name[0].name.upper() + " SARL", "", "1 180,50", 15, "Cleaning"),
        (by_name[1].name, "", "640,00", 10, "Printing"),
    ]
    doubtful = next((d for d in (_doubtful(index, s.name) for s in by_name[2:]) if d), None)
    if doubtful:
        rows.append((doubtful, "", "320,00", 8, ""))
    rows += [
        ("Imprimerie Fictive du Nord SARL", "", "950,00", 6, "Printing"),
        ("Nettoyage Exemple", "", "410,00", 4, ""),
    ]
    lines = ["Fournisseur;N° TVA;Montant HT;Date;Catégorie"]
    lines += [
        f"{name};{vat};{amount};{(today - timedelta(days=days)).isoformat()};{cat}"
        for name, vat, amount, days, cat in rows
    ]
    spend_import(buyer=buyer, by=officer, filename=FILENAME, content=("\n".join(lines) + "\n").encode())
