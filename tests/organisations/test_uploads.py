"""Hostile and careless image uploads: too big in bytes or pixels, not an image,
an SVG with a script. Each is refused with a message and nothing is stored; a real
photo is stored re-encoded and scaled down; a replaced logo's file is deleted."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from marketplace.organisations.models import Supplier
from marketplace.uploads import LOGO_SIDE, MAX_IMAGE_BYTES
from tests.factories import goods_for_supplier
from tests.organisations.form_data import supplier_form_data

ProductImage = get_model("catalogue", "ProductImage")
pytestmark = pytest.mark.django_db


def picture(size=(3000, 2000), kind="JPEG", mode="RGB", image=None, **save):
    out = io.BytesIO()
    (image or Image.new(mode, size, "#3a7")).save(out, format=kind, **save)
    return out.getvalue()


def noise_png(at_least: int) -> bytes:
    """A real PNG of more than `at_least` bytes (noise does not compress)."""
    side = int((at_least / 3) ** 0.5) + 64
    return picture((side, side), "PNG", image=Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)))


@pytest.fixture
def upload_logo(client, supplier, supplier_admin, django_capture_on_commit_callbacks):
    client.force_login(supplier_admin)
    url = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})

    def post(name, content, content_type="image/png"):
        data = supplier_form_data(supplier, logo=SimpleUploadedFile(name, content, content_type=content_type))
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("huge.png", noise_png(MAX_IMAGE_BYTES), "larger than 5 MB"),
        ("wide.png", picture((9000, 9000), "PNG", mode="1"), "upload one of at most 25 million"),
        ("page.png", b"<html><script>alert(1)</script></html>", "Upload a valid image."),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "Upload a"),
        ("anim.gif", picture((10, 10), "GIF", mode="P"), "Upload a JPEG, PNG or WebP image."),
    ],
    ids=["over-5-mb", "81-megapixels", "html-named-png", "svg-with-script", "gif"],
)
def test_a_hostile_or_careless_logo_is_refused_and_nothing_is_stored(upload_logo, supplier, name, content, message):
    response = upload_logo(name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Supplier.objects.get(pk=supplier.pk).logo


def test_a_photo_is_stored_re_encoded_and_scaled_down_and_the_old_logo_is_deleted(upload_logo, supplier):
    exif = Image.Exif()
    exif[0x013B] = "Artist with a home address"
    assert upload_logo("first.jpg", picture(exif=exif), "image/jpeg").status_code == 302
    first = Supplier.objects.get(pk=supplier.pk).logo
    with Image.open(first.path) as stored:
        assert max(stored.size) == LOGO_SIDE and stored.format == "JPEG"
        assert 0x013B not in stored.getexif()
    first_path = first.path

    assert upload_logo("second.png", picture((800, 800), "PNG")).status_code == 302

    second = Supplier.objects.get(pk=supplier.pk).logo
    assert second.name.endswith(".png") and os.path.exists(second.path)
    assert not os.path.exists(first_path)


def test_a_deleted_product_image_takes_its_file_with_it(supplier, django_capture_on_commit_callbacks):
    product = goods_for_supplier(supplier=supplier)
    image = ProductImage.objects.create(
        product=product, original=SimpleUploadedFile("p.png", picture((50, 50), "PNG")), display_order=0
    )
    path = image.original.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not os.path.exists(path)
