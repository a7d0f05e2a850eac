"""A French buyer (Acme Procurement) and its purchase shared by Green Crates (FR), which
holds a verified ESAT status and states labour shares on its products, and Reuse Yard (LU)."""

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.deductions.models import LegalStatus, ProductLabourShare
from marketplace.deductions.rules import Status
from marketplace.verification.models import Decision
from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)
from tests.order.fixtures import accept

Product = get_model("catalogue", "Product")


@pytest.fixture(autouse=True)
def signing_dir(settings, tmp_path_factory):
    """One self-signed development certificate for the whole run, outside the project."""
    settings.DEDUCTION_SIGNING_P12 = ""
    settings.DEDUCTION_SIGNING_DIR = tmp_path_factory.getbasetemp() / "deductions-signing"


def status_of(supplier, status, *, verified=True, valid_until=None, by=None):
    return LegalStatus.objects.create(
        supplier=supplier,
        status=status,
        registry_reference="SIRET 401 234 562 00017",
        valid_until=valid_until,
        decision=Decision.VERIFIED if verified else Decision.PENDING,
        decided_by=by,
        decided_at=timezone.now() if verified else None,
    )


def shares(**percents):
    """Labour shares by product title: shares(apples="40", hire="62.5")."""
    titles = {"apples": "Organic apples", "hire": "Crate hire", "bricks": "Reused bricks"}
    for key, percent in percents.items():
        ProductLabourShare.objects.create(product=Product.objects.get(title=titles[key]), percent=percent)


@pytest.fixture
def esat(crates):
    return status_of(crates, Status.FR_ESAT)


@pytest.fixture
def esat_invoice(esat, shared_purchase, crates):
    """Green Crates' invoice, issued with apples at 40 % labour and crate hire at 62.5 %."""
    shares(apples="40", hire="62.5")
    return accept(shared_purchase, crates)
