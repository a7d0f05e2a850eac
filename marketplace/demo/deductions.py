"""Legal deductions in the demo: a French ESAT and a German WfbM with verified statuses and
labour shares on their products, and an invoice of this year from the ESAT to the demo
buyer, so that buyer@example.com sees a deduction. Idempotent, as the rest of the loader."""

from decimal import Decimal

from django.utils import timezone

from marketplace.deductions.models import LegalStatus, ProductLabourShare
from marketplace.deductions.rules import Status
from marketplace.deductions.selectors import supplier_products
from marketplace.organisations.models import Supplier
from marketplace.payments.models import Invoice
from marketplace.verification.models import Decision

from .purchases import purchase_placed

WORKSHOPS = (
    ("FR", Status.FR_ESAT, "FINESS 570 012 345"),
    ("DE", Status.DE_WFBM, "BA-Anerkennung WfbM 12-345"),
)
# The labour share of the workshops' products, in turn.
SHARES = (Decimal("60"), Decimal("45"), Decimal("75"))


def workshop_of(country: str) -> Supplier | None:
    return (
        Supplier.objects.verified()
        .filter(country=country, legal_form=Supplier.LegalForm.SHELTERED_WORKSHOP)
        .order_by("pk")
        .first()
    )


def deductions_demo(*, buyer, officer, operator) -> None:
    workshops = {}
    for country, status, reference in WORKSHOPS:
        supplier = workshop_of(country)
        if supplier is None:
            continue
        LegalStatus.objects.get_or_create(
            supplier=supplier,
            status=status,
            defaults={
                "registry_reference": reference,
                "decision": Decision.VERIFIED,
                "decided_by": operator,
                "decided_at": timezone.now(),
            },
        )
        for index, product in enumerate(supplier_products(supplier)):
            ProductLabourShare.objects.get_or_create(product=product, defaults={"percent": SHARES[index % len(SHARES)]})
        workshops[country] = supplier
    esat = workshops.get(buyer.country.code)
    if (
        esat is None
        or Invoice.objects.filter(
            supplier=esat, order__purchase__buyer=buyer, issued_on__year=timezone.localdate().year
        ).exists()
    ):
        return
    _purchase_accepted(buyer=buyer, officer=officer, supplier=esat)


def _purchase_accepted(*, buyer, officer, supplier) -> None:
    """A purchase of the workshop's first products, confirmed (which issues its invoice)."""
    products = supplier_products(supplier)[:2]
    purchase_placed(buyer=buyer, officer=officer, choices=[[product] for product in products], reference="PO-DEMO-ESAT")
