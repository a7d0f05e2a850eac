"""The platform's digital signature on deduction certificates (PAdES, with pyHanko).

In production the signing certificate is a PKCS#12 file: DEDUCTION_SIGNING_P12 (its
path) and DEDUCTION_SIGNING_PASSWORD (its password), both from the environment. When
DEDUCTION_SIGNING_P12 is unset (development, tests), a self-signed certificate is made
once with `cryptography` into DEDUCTION_SIGNING_DIR (by default
PRIVATE_MEDIA_ROOT/deductions-signing/, never under MEDIA_ROOT, which may be served) and
reused afterwards: every certificate is signed, and a reader shows the signature as
intact but its signer as untrusted, as it should for a development key."""

import datetime
import os
import tempfile
from io import BytesIO
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

SELF_SIGNED_NAME = "self-signed.p12"
FIELD_NAME = "PlatformSignature"


def self_signed_p12(directory: Path) -> Path:
    """The development signing certificate in `directory`, made the first time."""
    path = directory / SELF_SIGNED_NAME
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Responsible deduction certificates (development)"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Responsible"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(b"responsible", key, certificate, None, NoEncryption())
    # Written aside then moved in place: two processes making it at once each leave a whole file.
    with tempfile.NamedTemporaryFile(dir=directory, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)
    return path


def signing_p12() -> tuple[Path, bytes | None]:
    """(path, password) of the platform's signing certificate."""
    configured = getattr(settings, "DEDUCTION_SIGNING_P12", "")
    if configured:
        password = getattr(settings, "DEDUCTION_SIGNING_PASSWORD", "")
        return Path(configured), password.encode() if password else None
    return self_signed_p12(Path(settings.DEDUCTION_SIGNING_DIR)), None


def signer() -> signers.SimpleSigner:
    path, password = signing_p12()
    return signers.SimpleSigner.load_pkcs12(str(path), passphrase=password)


def pdf_sign(content: bytes, *, reason: str, location: str = "") -> bytes:
    """The PDF with the platform's signature added (an incremental update)."""
    writer = IncrementalPdfFileWriter(BytesIO(content))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, reason=reason, location=location or None, md_algorithm="sha256"
    )
    return signers.sign_pdf(writer, meta, signer=signer()).getvalue()
