"""Every image in the library has a description, its alt text."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png():
    buffer = BytesIO()
    PillowImage.new("RGB", (40, 30), "#1d5e4b").save(buffer, "PNG")
    return SimpleUploadedFile("floor.png", buffer.getvalue(), content_type="image/png")


def test_an_image_without_description_is_refused(client, editor):
    client.force_login(editor)

    response = client.post(reverse("wagtailimages:add"), {"title": "Oak floor", "file": png(), "description": ""})

    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Oak floor").exists()


def test_an_image_with_its_description_is_saved(client, editor):
    client.force_login(editor)

    client.post(
        reverse("wagtailimages:add"),
        {"title": "Oak floor", "file": png(), "description": "Two workers fitting a reclaimed oak floor"},
    )

    image = get_image_model().objects.get(title="Oak floor")
    assert image.default_alt_text == "Two workers fitting a reclaimed oak floor"


def test_a_bulk_upload_waits_for_its_description(client, editor):
    client.force_login(editor)

    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()})

    assert "uploaded_file_id" in response.json()  # kept aside until the editor describes it
    assert not get_image_model().objects.exists()
