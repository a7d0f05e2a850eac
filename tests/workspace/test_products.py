"""Products in the workspace: added and changed in a form in the supplier's words,
downloaded as a spreadsheet, and imported back with a preview of every row first."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import imports
from tests.factories import SectorFactory, goods_for_supplier

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def crates_shop(client, crates, crates_admin):
    Category.add_root(name="Packaging")
    client.force_login(crates_admin)
    return goods_for_supplier(supplier=crates, title="Oak crate", price="12.00", num_in_stock=40,
                              attributes={"unit": "crate"})  # fmt: skip


def url(name, supplier, **kwargs):
    return reverse(f"workspace:{name}", kwargs={"slug": supplier.slug, **kwargs})


def test_a_member_adds_a_product_in_words_without_shop_jargon(client, crates, crates_shop):
    page = client.get(url("product-new", crates)).content.decode()
    for jargon in ("UPC", "ISBN", "discountable", "Product class"):
        assert jargon not in page
    assert "Standard rate, 20 %" in page and "Reduced rate, 5.5 %" in page  # France's rates by name
    response = client.post(url("product-new", crates), {
        "kind": "goods", "title": "Pine crate", "category": "Packaging", "unit": "crate", "price": "9.50",
        "vat_rate": "", "stock": "15", "minimum_order_quantity": "2",
    })  # fmt: skip
    assert response.status_code == 302 and response.url == url("product-list", crates)
    record = StockRecord.objects.get(product__title="Pine crate")
    assert (record.partner, str(record.price), record.num_in_stock) == (crates.partner, "9.50", 15)
    assert "Pine crate" in client.get(url("product-list", crates)).content.decode()


def test_a_bad_form_keeps_what_was_typed_and_says_why(client, crates, crates_shop):
    response = client.post(url("product-new", crates), {
        "kind": "goods", "title": "Pine crate", "category": "Packaging", "unit": "crate", "price": "-1", "stock": "",
    })  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "Pine crate" in page
    assert "Say how many you have in stock (0 or more)." in page
    assert not StockRecord.objects.filter(product__title="Pine crate").exists()


def test_a_member_changes_a_product_but_not_another_suppliers(client, crates, yard, crates_shop, shared_purchase):
    page = client.get(url("product-edit", crates, pk=crates_shop.pk)).content.decode()
    assert 'value="Oak crate"' in page and 'value="12.00"' in page
    bricks = StockRecord.objects.get(partner=yard.partner).product
    assert client.get(url("product-edit", crates, pk=bricks.pk)).status_code == 404


def test_the_catalogue_goes_out_and_comes_back_with_a_preview_first(client, crates, crates_shop):
    exported = client.get(url("product-export", crates, fmt="xlsx"))
    assert exported["Content-Disposition"].endswith('-products.xlsx"')
    rows = imports.rows_parse(filename="c.xlsx", content=exported.content)
    sku = next(row["sku"] for row in rows if row["title"] == "Oak crate")
    csv_text = f"kind;title;category;sku;price;stock;unit\ngoods;Oak crate;Packaging;{sku};13.00;40;crate\n" \
               "goods;;Packaging;NEW-1;x;1;crate\n"  # fmt: skip
    upload = SimpleUploadedFile("catalogue.csv", csv_text.encode(), content_type="text/csv")
    response = client.post(url("product-import", crates), {"file": upload})
    assert response.status_code == 302
    preview = client.get(response.url).content.decode()
    assert "updates the existing product" in preview and "Title is required." in preview
    assert "Import these products" not in preview  # a bad row: nothing can be saved yet
    assert str(StockRecord.objects.get(product=crates_shop).price) == "12.00"


def test_a_good_file_is_imported_once(client, crates, crates_shop):
    csv_text = "kind;title;category;sku;price;stock;unit\ngoods;Beech crate;Packaging;BEECH;11.00;5;crate\n"
    response = client.post(url("product-import", crates), {"file": SimpleUploadedFile("c.csv", csv_text.encode())})
    preview_url = response.url
    assert client.post(preview_url).status_code == 302
    assert client.post(preview_url).status_code == 302  # a second click changes nothing
    assert StockRecord.objects.filter(partner=crates.partner, partner_sku="BEECH").count() == 1


def test_an_unreadable_file_is_refused_with_a_message(client, crates, crates_shop):
    upload = SimpleUploadedFile("catalogue.pdf", b"%PDF-1.4", content_type="application/pdf")
    page = client.post(url("product-import", crates), {"file": upload}).content.decode()
    assert "Upload a .csv or .xlsx file." in page


def test_csv_export_neutralises_formulas(client, crates, crates_shop):
    goods_for_supplier(supplier=crates, title="=cmd|' /C calc'!A0", price="1.00", num_in_stock=1)
    content = client.get(url("product-export", crates, fmt="csv")).content.decode("utf-8-sig")
    assert "\n'=cmd" in content or ";'=cmd" in content
    assert io.StringIO(content).readline().startswith("kind;title")


def test_a_food_supplier_is_offered_its_countrys_rates_by_name_the_food_rate_first(client, crates, crates_shop):
    crates.country = "LU"
    crates.save()
    crates.sectors.set([SectorFactory(parent=SectorFactory(name="Food", slug="food"))])
    page = client.get(url("product-new", crates)).content.decode()
    select = re.search(r'<select name="vat_rate"[^>]*>(.*?)</select>', page, re.S).group(1)
    offered = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    assert [(value, label.split(" (")[0]) for value, _selected, label in offered] == [
        ("", "Standard rate, 17 %"),
        ("3", "Super-reduced rate, 3 %"),
        ("8", "Reduced rate, 8 %"),
        ("14", "Intermediate rate, 14 %"),
    ]
    assert [value for value, selected, _label in offered if selected] == ["3"]  # LU food: 3 %, not 17 %


def test_a_member_names_a_product_in_other_languages_and_each_visitor_reads_theirs(client, crates, crates_shop):
    from django.conf import settings
    from django.utils import translation

    Product = get_model("catalogue", "Product")
    crates.language = "fr"
    crates.save()
    form = client.get(url("product-new", crates)).content.decode()
    assert "Name in French" in form and "<summary>In German</summary>" in form and "sr_latn" not in form

    response = client.post(url("product-new", crates), {
        "kind": "goods", "title": "Caisse en pin", "title_de": "Kiefernkiste", "description_sr": "Сандук од бора.",
        "category": "Packaging", "unit": "crate", "price": "9.50", "stock": "15",
    })  # fmt: skip

    assert response.status_code == 302
    product = Product.objects.get(title_fr="Caisse en pin")
    assert (product.title_de, product.title_en, product.description_sr_latn) == (
        "Kiefernkiste",
        None,
        "Sanduk od bora.",
    )
    for language, title in (("de", "Kiefernkiste"), ("fr", "Caisse en pin"), ("nl", "Caisse en pin")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        with translation.override(language):
            page = client.get(product.get_absolute_url(), follow=True, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert title in page
    assert 'lang="fr">Caisse en pin</h1>' in page  # the Dutch visitor is told it is French


def test_the_spreadsheet_carries_every_language_and_its_own_column_repeats_the_title(client, crates, crates_shop):
    crates_shop.title_de = "Eichenkiste"
    crates_shop.save()
    row = {"line": 2, **imports.product_values(supplier=crates, product=crates_shop), "category": "Packaging"}
    assert (row["title"], row["title_de"], "title_en" not in row) == ("Oak crate", "Eichenkiste", True)

    imports.products_import(supplier=crates, rows=[{**row, "title_nl": "Eikenhouten kist", "title_de": ""}])

    crates_shop.refresh_from_db()
    assert (crates_shop.title_en, crates_shop.title_nl, crates_shop.title_de) == ("Oak crate", "Eikenhouten kist", None)
    with pytest.raises(imports.ValidationError, match="title_en"):
        imports.products_import(supplier=crates, rows=[{**row, "title_en": "Another name"}])
