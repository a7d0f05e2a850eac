"""Attachments of needs and quotes. They are business documents shown only to the
people a need concerns, so they live outside MEDIA_ROOT (which may be served to
anyone) in the "private" storage and are served by views that check who asks."""

import os
import uuid

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What buyers and suppliers send with a need or a quote: documents, spreadsheets, plans, photos.
ALLOWED_EXTENSIONS = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
    "odt": {"application/vnd.oasis.opendocument.text", "application/zip"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet", "application/zip"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "txt": {None},
    "csv": {None},
}


def private_storage():
    return storages["private"]


def attachment_path(instance, filename: str) -> str:
    # A random name: the person's file name is kept in the model, never in the path.
    extension = os.path.splitext(filename)[1].lower()
    return f"sourcing/{instance._meta.model_name}/{uuid.uuid4().hex}{extension}"


def validate_attachment(upload) -> None:
    """Refuses files that are too large or not a document we accept. The content is
    checked too: an executable renamed to .pdf is still refused."""
    limit = settings.SOURCING_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s: attachments can be at most %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("%(name)s is not a file type we accept. Send PDF, Word, OpenDocument, Excel, CSV, text, PNG or JPEG.")
            % {"name": upload.name}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    detected = kind.mime if kind else None
    if detected not in ALLOWED_EXTENSIONS[extension] or (detected is None and _looks_binary(head)):
        raise ValidationError(
            _("The content of %(name)s does not match its .%(extension)s name, so we cannot accept it.")
            % {"name": upload.name, "extension": extension}
        )


def _looks_binary(head: bytes) -> bool:
    """Text and CSV files hold no NUL bytes; executables and archives do."""
    return b"\x00" in head or head.startswith((b"MZ", b"\x7fELF", b"#!"))
