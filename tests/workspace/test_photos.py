"""A product's photos in the workspace: added with a description for screen readers
(which the shop's pages put in the image's alt text), checked to be real images, put
in order (the first is the main photo) and removed; only the supplier's own products."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from catalogue import services
from marketplace.uploads import MAX_IMAGE_BYTES
from tests.factories import goods_for_supplier

Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


def image_file(name="crate.jpg", fmt="JPEG", colour="brown"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.fixture
def crate(client, crates, crates_admin):
    Category.add_root(name="Packaging")
    client.force_login(crates_admin)
    return goods_for_supplier(supplier=crates, title="Oak crate", price="12.00", num_in_stock=40)


def url(name, supplier, **kwargs):
    return reverse(f"workspace:{name}", kwargs={"slug": supplier.slug, **kwargs})


def add_photo(client, supplier, product, alt_text, upload=None):
    return client.post(
        url("product-photo-add", supplier, pk=product.pk),
        {"photo-image": upload or image_file(), "photo-alt_text": alt_text},
    )


def photos_post(product, **rows):
    """The photos form as posted: rows maps a photo to (alt text, position, remove)."""
    images = list(product.images.order_by("display_order"))
    data = {"photos-TOTAL_FORMS": len(images), "photos-INITIAL_FORMS": len(images)}
    for index, image in enumerate(images):
        alt_text, position, remove = rows.get(image.caption, (image.caption, image.display_order + 1, False))
        data |= {f"photos-{index}-id": image.pk, f"photos-{index}-caption": alt_text}
        data[f"photos-{index}-position"] = position
        if remove:
            data[f"photos-{index}-DELETE"] = "on"
    return data


def test_a_member_adds_a_photo_whose_description_is_its_alt_text(client, crates, crate):
    response = add_photo(client, crates, crate, "Three stacked oak crates")
    assert response.status_code == 302 and response.url.endswith("#photos")
    (image,) = crate.images.all()
    assert image.caption == "Three stacked oak crates" and image.original.name.endswith(".jpg")
    edit = client.get(url("product-edit", crates, pk=crate.pk)).content.decode()
    assert 'alt="Three stacked oak crates"' in edit and "Main photo" in edit
    assert "/shop/dashboard/" not in edit
    assert 'alt="Three stacked oak crates"' in client.get(crate.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "upload,message",
    [
        (
            SimpleUploadedFile("crate.jpg", b"<html>not a photo</html>", "image/jpeg"),
            "Upload a JPEG, PNG or WebP image.",
        ),
        (image_file("crate.gif", "GIF"), "Upload a JPEG, PNG or WebP image."),
        (SimpleUploadedFile("huge.jpg", b"\xff" * (MAX_IMAGE_BYTES + 1), "image/jpeg"), "larger than 5 MB"),
    ],
)
def test_a_file_that_is_not_a_photo_is_refused_and_the_description_kept(client, crates, crate, upload, message):
    response = add_photo(client, crates, crate, "Crates in the sun", upload)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert 'value="Crates in the sun"' in page and 'value="Oak crate"' in page
    assert not crate.images.exists()


def test_a_photo_needs_its_description(client, crates, crate):
    page = add_photo(client, crates, crate, "").content.decode()
    assert "Say what the photo shows, for people who cannot see it." in page
    assert not crate.images.exists()


def test_photos_are_described_put_in_order_and_removed(client, crates, crate):
    for alt_text in ("Front", "Side", "Detail"):
        add_photo(client, crates, crate, alt_text)
    assert [image.caption for image in crate.images.all()] == ["Front", "Side", "Detail"]
    data = photos_post(crate, Detail=("Detail of the oak joints", "1", False), Side=("Side", "2", True))
    response = client.post(url("product-photos", crates, pk=crate.pk), data)
    assert response.status_code == 302
    assert [(image.caption, image.display_order) for image in crate.images.all()] == [
        ("Detail of the oak joints", 0),
        ("Front", 1),
    ]
    assert crate.primary_image().caption == "Detail of the oak joints"


def test_a_bad_photos_form_says_why_and_changes_nothing(client, crates, crate):
    add_photo(client, crates, crate, "Front")
    data = photos_post(crate, Front=("", "0", False))
    page = client.post(url("product-photos", crates, pk=crate.pk), data).content.decode()
    assert "Say what the photo shows" in page and "greater than or equal to 1" in page
    assert crate.images.get().caption == "Front"


def test_another_products_photo_cannot_be_changed_through_this_one(client, crates, yard, crate):
    add_photo(client, crates, crate, "Front")
    bricks = goods_for_supplier(supplier=yard, title="Reused bricks")
    theirs = ProductImage.objects.create(product=bricks, original=image_file(), caption="Yard photo")
    data = photos_post(crate, Front=("Front", "1", False))
    data["photos-0-id"] = theirs.pk
    data["photos-0-DELETE"] = "on"
    client.post(url("product-photos", crates, pk=crate.pk), data)
    assert ProductImage.objects.get(pk=theirs.pk).caption == "Yard photo"
    assert client.post(url("product-photo-add", crates, pk=bricks.pk), {}).status_code == 404


def test_a_new_product_comes_with_its_first_photo(client, crates, crate):
    form = {"kind": "goods", "title": "Pine crate", "category": "Packaging", "unit": "crate", "price": "9.50",
            "stock": "15", "photo-alt_text": "A pine crate"}  # fmt: skip
    response = client.post(url("product-new", crates), {**form, "photo-image": image_file()})
    assert response.status_code == 302
    product = StockRecord.objects.get(product__title="Pine crate").product
    assert product.primary_image().caption == "A pine crate"


def test_a_bad_photo_with_a_new_product_saves_nothing_and_keeps_the_form(client, crates, crate):
    form = {"kind": "goods", "title": "Pine crate", "category": "Packaging", "unit": "crate", "price": "9.50",
            "stock": "15", "photo-alt_text": "A pine crate"}  # fmt: skip
    upload = SimpleUploadedFile("crate.png", b"GIF89a not really", "image/png")
    page = client.post(url("product-new", crates), {**form, "photo-image": upload}).content.decode()
    assert "Upload a JPEG, PNG or WebP image." in page and 'value="Pine crate"' in page
    assert not StockRecord.objects.filter(product__title="Pine crate").exists()
    # A new product without a photo is fine.
    assert client.post(url("product-new", crates), {**form, "photo-alt_text": ""}).status_code == 302


def test_only_the_suppliers_members_change_its_photos(crates, yard, crate, yard_admin, crates_admin):
    with pytest.raises(PermissionDenied):
        services.product_photo_add(supplier=crates, product=crate, by=yard_admin, image=image_file(), alt_text="x")
    with pytest.raises(PermissionDenied):  # a product the supplier does not sell
        bricks = goods_for_supplier(supplier=yard, title="Reused bricks")
        services.product_photo_add(supplier=crates, product=bricks, by=crates_admin, image=image_file(), alt_text="x")
    assert not ProductImage.objects.exists()
