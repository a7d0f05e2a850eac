"""The yearly certificate: its content in the buyer's language, and the platform's
signature, which pyHanko validates as intact."""

import io

from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from marketplace.deductions import signing
from marketplace.deductions.certificates import certificate_pdf
from marketplace.deductions.selectors import deductions_for
from marketplace.organisations.models import Buyer

YEAR = timezone.localdate().year


def certificate(buyer, supplier):
    deductions = deductions_for(buyer, YEAR)
    return certificate_pdf(deductions, deductions.of(supplier))


def page_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_certificate_lists_the_invoices_and_the_law_in_the_buyers_language(buyer, crates, esat_invoice):
    Buyer.objects.filter(pk=buyer.pk).update(language="fr")
    buyer.refresh_from_db()
    text = page_text(certificate(buyer, crates))
    for expected in (
        "Attestation annuelle",
        "OETH",
        str(YEAR),
        esat_invoice.number,
        "Green Crates",
        "SIRET 401 234 562 00017",
        "L. 5212-10-1",
        "D. 5212-22",
        "5,21",  # the deductible total
        "17,38",  # the labour base
        "35,00",  # the net
    ):
        assert expected in text, expected


def test_the_certificate_is_signed_and_the_signature_is_intact(buyer, crates, esat_invoice):
    content = certificate(buyer, crates)
    [signature] = PdfFileReader(io.BytesIO(content)).embedded_signatures
    trusted = signing.signer().signing_cert  # the development certificate, trusted for the test
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[trusted]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"


def test_a_changed_certificate_no_longer_validates(buyer, crates, esat_invoice):
    content = bytearray(certificate(buyer, crates))
    position = content.index(b"Green Crates")
    content[position : position + 5] = b"Black"
    [signature] = PdfFileReader(io.BytesIO(bytes(content))).embedded_signatures
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[signing.signer().signing_cert]))
    assert not status.intact


def test_the_development_certificate_is_made_once(settings):
    first = signing.signing_p12()
    assert signing.signing_p12() == first
    assert first[0].parent == settings.DEDUCTION_SIGNING_DIR
