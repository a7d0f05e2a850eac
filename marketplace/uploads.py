"""Every image people upload (organisation logos and photos, product images) goes
through `image_clean`: a size cap in bytes and in pixels (read from the header, before
decoding, so a decompression bomb costs nothing), a real JPEG, PNG or WebP (no SVG, no
HTML under an image's name), re-encoded (metadata and anything hidden dropped, content
matching its extension) and scaled down to what pages show. Replaced and deleted files
are removed by django-cleanup."""

import io
import os

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000  # 5000 × 5000: more than any camera photo people upload here
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
LOGO_SIDE, PHOTO_SIDE = 600, 2000


def image_clean(upload, *, max_side: int = PHOTO_SIDE) -> ContentFile:
    """The upload re-encoded and scaled to `max_side`, or ValidationError with what to change."""
    if upload.size > MAX_IMAGE_BYTES:
        raise forms.ValidationError(
            _("The image is larger than %(size)s MB: upload a smaller one.") % {"size": MAX_IMAGE_BYTES // 2**20}
        )
    upload.seek(0)
    try:
        image = Image.open(upload)
        if image.format not in FORMATS:
            raise UnidentifiedImageError(image.format)
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise forms.ValidationError(
                _("The image has %(width)s × %(height)s pixels; upload one of at most %(max)s million.")
                % {"width": image.width, "height": image.height, "max": MAX_IMAGE_PIXELS // 1_000_000}
            )
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError, ValueError):
        raise forms.ValidationError(_("Upload a JPEG, PNG or WebP image.")) from None
    kind = image.format
    image.thumbnail((max_side, max_side))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=kind, **({"quality": 85} if kind in ("JPEG", "WEBP") else {"optimize": True}))
    stem = os.path.splitext(os.path.basename(upload.name or "image"))[0][:80] or "image"
    return ContentFile(out.getvalue(), name=stem + FORMATS[kind])


def image_field_clean(form, name: str, *, max_side: int = PHOTO_SIDE):
    """For a form's clean_<name>: a new upload is checked and re-encoded; a kept or cleared file is left as is."""
    value = form.cleaned_data.get(name)
    if value and hasattr(value, "content_type"):  # a file uploaded with this request
        return image_clean(value, max_side=max_side)
    return value


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_EXTENSIONS = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def document_clean(upload):
    """An evidence document (an agreement, a recognition): a PDF, checked by its size, its
    extension and its content, or an image, cleaned by `image_clean`. ValidationError
    with what to change otherwise."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise forms.ValidationError(
            _("The file is larger than %(size)s MB: upload a smaller one.") % {"size": MAX_DOCUMENT_BYTES // 2**20}
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in DOCUMENT_EXTENSIONS:
        raise forms.ValidationError(_("Upload a PDF, PNG or JPEG file."))
    if extension != ".pdf":
        return image_clean(upload)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in head:
        raise forms.ValidationError(_("This file is not a PDF although its name ends in .pdf."))
    return upload
