"""Done when: a supplier user adds a product through the dashboard and by CSV import
and finds it in search a moment later (the index follows each commit)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.imports import template_csv
from marketplace.dashboard.catalogue.models import ProductImport
from search.interface import ProductQuery
from search.selectors import product_search
from tests.dashboard.test_supplier_dashboard import form_data


def found(text):
    return {card.title for card in product_search(ProductQuery.from_params({"q": text})).products}


def test_products_added_in_the_dashboard_and_by_import_are_found_in_search(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.member_a)
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "goods"})
    response = client.get(url)
    data = form_data(response)
    categories, stock = response.context["category_formset"].prefix, response.context["stockrecord_formset"].prefix
    data.update(
        {
            "title": "Beeswax wraps",
            "is_public": "on",
            "attr_unit": "pack",
            f"{categories}-0-category": world.categories["local"].pk,
            f"{stock}-0-partner": world.supplier_a.partner.pk,
            f"{stock}-0-partner_sku": "WAX-1",
            f"{stock}-0-price": "8.00",
            f"{stock}-0-price_currency": "EUR",
            f"{stock}-0-num_in_stock": "30",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert found("beeswax") == {"Beeswax wraps"}

    csv = template_csv().decode("utf-8").replace("Organic apple juice, 1 l", "Quince jelly")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("dashboard:catalogue-product-import"),
            {"file": SimpleUploadedFile("p.csv", csv.encode())},
        )
    product_import = ProductImport.objects.get(supplier=world.supplier_a, filename="p.csv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboard:catalogue-product-import-confirm", args=[product_import.pk]))
    assert found("quince") == {"Quince jelly"}
    assert found("cleaning") >= {"Office cleaning"}
