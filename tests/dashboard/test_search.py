"""Done when: a supplier's member adds a product in the workspace's form and by a
spreadsheet import and finds it in search a moment later (the index follows each commit)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.imports import template_csv
from search.interface import ProductQuery
from search.selectors import product_search


def found(text):
    return {card.title for card in product_search(ProductQuery.from_params({"q": text})).products}


def test_products_added_in_the_workspace_and_by_import_are_found_in_search(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.member_a)
    slug = world.supplier_a.slug
    form = {"kind": "goods", "title": "Beeswax wraps", "category": "Food > Local food distribution",
            "unit": "pack", "price": "8.00", "stock": "30"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("workspace:product-new", kwargs={"slug": slug}), form).status_code == 302
    assert found("beeswax") == {"Beeswax wraps"}

    csv = template_csv().decode("utf-8").replace("Organic apple juice, 1 l", "Quince jelly")
    response = client.post(
        reverse("workspace:product-import", kwargs={"slug": slug}), {"file": SimpleUploadedFile("p.csv", csv.encode())}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    assert found("quince") == {"Quince jelly"}
    assert found("cleaning") >= {"Office cleaning"}
