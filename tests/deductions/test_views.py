"""The buyer's page and certificates (its members only), the impact report's summary,
the workspace's declaration and labour shares, the profile's badge and the admin's
verify action."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from marketplace.deductions.models import LegalStatus, ProductLabourShare
from marketplace.deductions.rules import Status
from tests.deductions.conftest import status_of
from tests.factories import goods_for_supplier

Product = get_model("catalogue", "Product")
YEAR = timezone.localdate().year


def report_url(buyer):
    return reverse("deductions:report", kwargs={"slug": buyer.slug})


def certificate_url(buyer, supplier, year=YEAR):
    return reverse("deductions:certificate", kwargs={"slug": buyer.slug, "year": year, "supplier_slug": supplier.slug})


def test_a_member_of_the_buyer_sees_its_deductions_and_downloads_the_certificate(
    client, buyer, buyer_admin, crates, esat_invoice
):
    client.force_login(buyer_admin)
    response = client.get(report_url(buyer), {"year": YEAR})
    assert response.status_code == 200
    page = response.content.decode()
    assert esat_invoice.number in page and "Green Crates" in page
    assert "5.21" in page and "17.38" in page
    assert "L. 5212-10-1" in page
    response = client.get(certificate_url(buyer, crates))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"


def test_others_get_a_404_and_anonymous_visitors_sign_in(client, buyer, crates, esat_invoice, other_buyer_member):
    for url in (report_url(buyer), certificate_url(buyer, crates)):
        client.force_login(other_buyer_member)
        assert client.get(url).status_code == 404
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_no_certificate_without_a_deduction(client, buyer, buyer_admin, yard, esat_invoice, yard_invoice):
    client.force_login(buyer_admin)
    assert client.get(certificate_url(buyer, yard)).status_code == 404
    assert client.get(certificate_url(buyer, yard, year=1990)).status_code == 404


def test_the_impact_report_links_to_the_deductions(client, buyer, buyer_admin, esat_invoice):
    client.force_login(buyer_admin)
    page = client.get(reverse("impact:report", kwargs={"slug": buyer.slug})).content.decode()
    assert f"Deductible from your levy in {YEAR}: €5.21" in page
    assert report_url(buyer) in page


# Workspace --------------------------------------------------------------------


def legal_status_url(supplier):
    return reverse("deductions_workspace:legal-status", kwargs={"slug": supplier.slug})


def default_storage_save(upload) -> str:
    """The file saved in the private storage, as a claim's evidence is."""
    from marketplace.sourcing.files import private_storage

    return private_storage().save("deductions/evidence/test.pdf", upload)


def pdf_file(name="agrement.pdf", content=b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_member_declares_a_status_with_its_evidence(client, crates, crates_member):
    client.force_login(crates_member)
    assert client.get(legal_status_url(crates)).status_code == 200
    response = client.post(
        legal_status_url(crates),
        {"status": Status.FR_ESAT, "registry_reference": "FINESS 570000000", "evidence": pdf_file()},
    )
    assert response.status_code == 302
    status = LegalStatus.objects.get(supplier=crates)
    assert (status.country, status.status, status.declared_by) == ("FR", Status.FR_ESAT, crates_member)
    assert not status.is_verified and status.evidence.name.endswith(".pdf")
    assert "/media/" not in status.evidence.path  # private storage


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("agrement.exe", b"MZ\x90\x00binary"), "Upload a PDF, PNG or JPEG file."),
        (pdf_file("agrement.pdf", b"<html>not a pdf</html>"), "This file is not a PDF although its name ends in .pdf."),
        (SimpleUploadedFile("scan.png", b"not an image"), "Upload a JPEG, PNG or WebP image."),
    ],
)
def test_a_bad_evidence_file_is_refused_and_nothing_is_saved(client, crates, crates_member, upload, message):
    client.force_login(crates_member)
    response = client.post(
        legal_status_url(crates), {"status": Status.FR_ESAT, "registry_reference": "X", "evidence": upload}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LegalStatus.objects.exists()


def test_an_image_evidence_is_accepted(client, crates, crates_member):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    client.force_login(crates_member)
    client.post(
        legal_status_url(crates),
        {"status": Status.FR_EA, "registry_reference": "X", "evidence": SimpleUploadedFile("scan.png", out.getvalue())},
    )
    assert LegalStatus.objects.get().evidence.name.endswith(".png")


def test_a_member_states_the_labour_share_of_its_products(client, crates, crates_member, yard):
    apples = goods_for_supplier(supplier=crates, title="Organic apples")
    hire = goods_for_supplier(supplier=crates, title="Crate hire")
    bricks = goods_for_supplier(supplier=yard, title="Reused bricks")
    ProductLabourShare.objects.create(product=hire, percent=10)
    client.force_login(crates_member)
    url = reverse("deductions_workspace:labour-shares", kwargs={"slug": crates.slug})
    page = client.get(url).content.decode()
    assert "Organic apples" in page and "Reused bricks" not in page
    response = client.post(url, {f"share_{apples.pk}": "40", f"share_{hire.pk}": "", f"share_{bricks.pk}": "99"})
    assert response.status_code == 302
    assert dict(ProductLabourShare.objects.values_list("product_id", "percent")) == {apples.pk: 40}
    response = client.post(url, {f"share_{apples.pk}": "140"})
    assert response.status_code == 200 and ProductLabourShare.objects.get().percent == 40


# Profile and admin ------------------------------------------------------------


def test_the_profile_shows_verified_unexpired_statuses_only(client, crates):
    status_of(crates, Status.FR_ESAT)
    status_of(crates, Status.FR_EA, verified=False)
    status_of(crates, Status.FR_TIH, valid_until=timezone.localdate().replace(year=YEAR - 1))
    page = client.get(crates.get_absolute_url()).content.decode()
    assert "accompagnement par le travail (ESAT)" in page
    assert "Entreprise adaptée" not in page and "(TIH)" not in page


@pytest.fixture
def operator_user(db):
    from marketplace.accounts.services import operator_make
    from tests.factories import UserFactory

    user = UserFactory(email="olga@responsible.example", staff=True)
    operator_make(user=user)
    return user


def test_operators_read_statuses_and_download_evidence_in_the_admin(client, operator_user, crates):
    """An operator (staff in the Operators group, not a superuser) reads; deciding is in /verification/."""
    waiting = status_of(crates, Status.FR_ESAT, verified=False)
    LegalStatus.objects.filter(pk=waiting.pk).update(evidence=default_storage_save(pdf_file()))
    client.force_login(operator_user)
    assert client.get(reverse("admin:deductions_legalstatus_changelist")).status_code == 200
    assert client.get(reverse("admin:deductions_legalstatus_change", args=[waiting.pk])).status_code == 200
    evidence = client.get(reverse("admin:deductions_legalstatus_evidence", args=[waiting.pk]))
    assert evidence["Content-Disposition"].startswith("attachment")
