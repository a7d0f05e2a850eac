"""Importing goods and services from CSV and XLSX files: the domain functions and
the operators' dashboard pages (upload for a supplier → preview with line numbers →
confirm). Suppliers' members import in their workspace (tests/workspace/test_products.py)."""

import io
import re
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook
from oscar.core.loading import get_model

from catalogue import imports
from marketplace.dashboard.catalogue.models import ProductImport

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture(autouse=True)
def in_english():
    """The messages below are read in English, whatever language an earlier test's request left active."""
    with translation.override("en"):
        yield


HEADER = "kind;title;description;category;sku;price;stock;unit;recycled_share;pricing_unit;on_quote_only"
GOOD_CSV = "\n".join(
    [
        HEADER,
        "goods;Apple juice;Pressed locally;Food > Local food distribution;JUICE-1;3,20;120;bottle;;;",
        "service;Office cleaning;;Cleaning;CLEAN-1;32.50;;;;hour;no",
    ]
)


def parse(text, name="products.csv", encoding="utf-8"):
    return imports.rows_parse(filename=name, content=text.encode(encoding))


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_csv_with_bom_semicolons_and_decimal_commas_imports_goods_and_services(world):
    rows = imports.rows_parse(filename="p.csv", content=("\ufeff" + GOOD_CSV).encode())
    counts = imports.products_import(supplier=world.supplier_a, rows=rows, by=world.member_a)
    assert counts == {"created": 2, "updated": 0}
    juice = StockRecord.objects.get(partner=world.supplier_a.partner, partner_sku="JUICE-1")
    assert (str(juice.price), juice.price_currency, juice.num_in_stock) == ("3.20", "EUR", 120)
    assert juice.product.attr.unit == "bottle"
    assert [c.name for c in juice.product.categories.all()] == ["Local food distribution"]
    cleaning = StockRecord.objects.get(partner_sku="CLEAN-1")
    assert cleaning.num_in_stock is None and cleaning.product.attr.pricing_unit.code == "hour"


def test_comma_separated_csv_and_xlsx_read_the_same_rows(world):
    comma = parse(GOOD_CSV.replace(";", ",").replace("3,20", '"3,20"'))
    sheet = imports.rows_parse(filename="p.xlsx", content=xlsx([line.split(";") for line in GOOD_CSV.splitlines()]))
    assert comma == sheet == parse(GOOD_CSV)
    assert [row["line"] for row in sheet] == [2, 3]


def test_an_existing_sku_updates_its_product(world):
    imports.products_import(supplier=world.supplier_a, rows=parse(GOOD_CSV))
    again = parse(GOOD_CSV.replace("Apple juice", "Apple juice, cloudy").replace(";120;", ";80;"))
    results = imports.rows_validate(supplier=world.supplier_a, rows=again)
    assert [r.action for r in results] == ["update", "update"]
    assert imports.products_import(supplier=world.supplier_a, rows=again) == {"created": 0, "updated": 2}
    juice = StockRecord.objects.get(partner_sku="JUICE-1")
    assert (juice.product.title, juice.num_in_stock) == ("Apple juice, cloudy", 80)


def test_same_sku_of_another_supplier_creates_a_separate_product(world):
    rows = parse(GOOD_CSV.replace("JUICE-1", world.stock_b.partner_sku))
    assert imports.rows_validate(supplier=world.supplier_a, rows=rows)[0].action == "create"


def test_each_rows_errors_carry_the_line_number_of_the_file_and_nothing_is_saved(world):
    text = "\n".join(
        [
            HEADER,
            "goods;Fine;;Cleaning;OK-1;1;1;kg;;;",
            "",  # blank line 3: skipped but counted
            "toys;;;Nowhere;;abc;-1;;;;",
            "goods;Dup;;Cleaning;OK-1;1,999;2;kg;150;;",
            "service;Wash;;Cleaning;S-1;5;3;;;weekly;maybe",
        ]
    )
    rows = parse(text)
    results = {r.line: r.errors for r in imports.rows_validate(supplier=world.supplier_a, rows=rows)}
    assert sorted(results) == [2, 4, 5, 6]
    assert results[2] == []
    joined = {line: " | ".join(map(str, errors)) for line, errors in results.items()}
    assert "Kind" in joined[4] and "Title is required" in joined[4] and "Unknown category" in joined[4]
    assert "SKU is required" in joined[4] and "not a number" in joined[4]
    assert "already on line 2" in joined[5] and "two decimals" in joined[5] and "Recycled" in joined[5]
    assert "no stock" in joined[6] and "Pricing" in joined[6] and "yes or no" in joined[6]
    with pytest.raises(ValidationError) as error:
        imports.products_import(supplier=world.supplier_a, rows=rows)
    assert any(message.startswith("Line 4:") for message in error.value.messages)
    assert not StockRecord.objects.filter(partner_sku="OK-1").exists()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("p.txt", b"kind;title", "Upload a .csv or .xlsx file"),
        ("p.csv", b"", "empty"),
        ("p.csv", "kind;title;sku\n".encode("latin-1"), "lacks the column"),
        ("p.csv", b"kind;titel;category;sku;price\n", "unknown column"),
        ("p.csv", "kind;title;category;sku;price\ngoods;Caf\xe9;x;1;1\n".encode("latin-1"), "not UTF-8"),
        ("p.xlsx", b"PK\x03\x04 not really a workbook", "not a valid .xlsx"),
        ("p.csv", b"kind;title;category;sku;price\n", "no product rows"),
        ("p.csv", b"x" * (imports.MAX_BYTES + 1), "larger than 2 MB"),
    ],
)
def test_bad_files_get_a_clear_message(name, content, message):
    with pytest.raises(imports.ImportFileError, match=message):
        imports.rows_parse(filename=name, content=content)


def test_too_many_rows_are_refused():
    text = "kind;title;category;sku;price\n" + "".join(f"goods;T;C;S{i};1\n" for i in range(imports.MAX_ROWS + 1))
    with pytest.raises(imports.ImportFileError, match="more than 2000 rows"):
        parse(text)


def test_category_by_leaf_name_must_be_unique(world):
    world.categories["cleaning"].add_child(name="Local food distribution")
    rows = parse(GOOD_CSV.replace("Food > Local food distribution", "Local food distribution"))
    errors = imports.rows_validate(supplier=world.supplier_a, rows=rows)[0].errors
    assert "several places" in str(errors[0])


def test_templates_hold_the_header_and_one_example_per_kind_and_import_cleanly(world):
    csv_rows = imports.rows_parse(filename="t.csv", content=imports.template_csv())
    sheet = load_workbook(io.BytesIO(imports.template_xlsx())).active
    assert [c.value for c in next(sheet.iter_rows())] == imports.COLUMNS
    assert [row["kind"] for row in csv_rows] == ["goods", "service"]
    world.categories["food"]  # the examples' categories exist in the fixture
    assert all(not r.errors for r in imports.rows_validate(supplier=world.supplier_a, rows=csv_rows))


# The operators' dashboard pages


def upload(client, text, name="products.csv", **extra):
    return client.post(
        reverse("dashboard:catalogue-product-import"),
        {"file": SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text), **extra},
    )


def test_operator_uploads_previews_and_confirms_an_import_for_a_supplier(client, world, superuser):
    client.force_login(superuser)
    assert "Import products" in client.get(reverse("dashboard:catalogue-product-import")).content.decode()
    response = upload(client, GOOD_CSV, supplier=world.supplier_a.pk)
    product_import = ProductImport.objects.get(supplier=world.supplier_a, filename="products.csv")
    assert response["Location"] == reverse("dashboard:catalogue-product-import-preview", args=[product_import.pk])
    preview = client.get(response["Location"]).content.decode()
    assert "Apple juice" in preview and "Import these products" in preview
    assert not StockRecord.objects.filter(partner_sku="JUICE-1").exists()  # nothing before confirming
    client.post(reverse("dashboard:catalogue-product-import-confirm", args=[product_import.pk]))
    assert StockRecord.objects.get(partner_sku="JUICE-1").partner == world.supplier_a.partner
    product_import.refresh_from_db()
    assert (product_import.status, product_import.created_count) == ("imported", 2)
    listing = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert "Apple juice" in listing and "Office cleaning" in listing


def test_preview_lists_errors_by_line_and_offers_no_confirmation(client, world, superuser):
    client.force_login(superuser)
    text = HEADER + "\ngoods;Fine;;Cleaning;OK-1;1;1;kg;;;\ngoods;;;Cleaning;OK-2;x;1;kg;;;\n"
    response = upload(client, text, supplier=world.supplier_a.pk)
    preview = client.get(response["Location"]).content.decode()
    assert "Line 3:" in preview and "Title is required" in preview and "Line 2:" not in preview
    assert "Import these products" not in preview
    product_import = ProductImport.objects.get(supplier=world.supplier_a, filename="products.csv")
    client.post(reverse("dashboard:catalogue-product-import-confirm", args=[product_import.pk]))
    assert not StockRecord.objects.filter(partner_sku="OK-1").exists()


def test_a_bad_file_shows_its_message_on_the_upload_page(client, world, superuser):
    client.force_login(superuser)
    response = upload(client, b"\x00\x01", name="products.xlsx", supplier=world.supplier_a.pk)
    assert response.status_code == 200
    assert "not a valid .xlsx" in response.content.decode()


def test_the_operator_chooses_the_supplier_among_all(client, world, superuser):
    client.force_login(superuser)
    form = client.get(reverse("dashboard:catalogue-product-import")).context["form"]
    assert set(form.fields["supplier"].queryset) == {world.supplier_a, world.supplier_b}
    response = upload(client, GOOD_CSV)
    assert response.status_code == 200 and not ProductImport.objects.filter(filename="products.csv").exists()
    upload(client, GOOD_CSV, supplier=world.supplier_b.pk)
    assert ProductImport.objects.filter(supplier=world.supplier_b, filename="products.csv").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_download(client, world, superuser, fmt):
    client.force_login(superuser)
    response = client.get(reverse(f"dashboard:catalogue-product-import-template-{fmt}"))
    assert response.status_code == 200
    assert f"products-template.{fmt}" in response["Content-Disposition"]


def rewritten(workbook_bytes, path, change):
    """The workbook with one member's XML changed (as a hostile file is crafted)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for item in source.infolist():
            data = source.read(item.filename)
            dest.writestr(item, change(data) if item.filename == path else data)
    return out.getvalue()


def claims_rows(last_row):
    """A 2-row workbook whose sheet claims, and holds a cell at, row `last_row`, column Z."""
    small = xlsx([HEADER.split(";"), GOOD_CSV.splitlines()[1].split(";")])

    def change(xml):
        xml = re.sub(rb'<dimension ref="[^"]+"/>', f'<dimension ref="A1:Z{last_row}"/>'.encode(), xml)
        far = f'<row r="{last_row}"><c r="Z{last_row}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        return xml.replace(b"</sheetData>", far + b"</sheetData>")

    return rewritten(small, "xl/worksheets/sheet1.xml", change)


@pytest.mark.parametrize("last_row", [12_001, 1_048_576])
def test_a_workbook_claiming_a_million_rows_is_refused_without_reading_them(last_row):
    content = claims_rows(last_row)
    assert len(content) < 10_000
    tracemalloc.start()
    try:
        with pytest.raises(imports.ImportFileError, match="more than 4000 lines"):
            imports.rows_parse(filename="p.xlsx", content=content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 30 * 1024 * 1024


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_opening():
    small = xlsx([HEADER.split(";")])
    out = io.BytesIO(small)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/media/padding.bin", "w") as big:
        for _ in range(30):
            big.write(b"\0" * (1024 * 1024))
    assert len(out.getvalue()) < imports.MAX_BYTES
    with pytest.raises(imports.ImportFileError, match="unpacks to more than 25 MB"):
        imports.rows_parse(filename="p.xlsx", content=out.getvalue())


def test_blank_lines_count_towards_the_cap_in_csv_too():
    text = "kind;title;category;sku;price\n" + "\n" * imports.MAX_LINES + "goods;T;C;S;1\n"
    with pytest.raises(imports.ImportFileError, match="more than 4000 lines"):
        parse(text)


def test_too_many_columns_are_refused():
    text = "kind;title;category;sku;price\n" + "goods;T;C;S;1" + ";x" * imports.MAX_COLUMNS + "\n"
    with pytest.raises(imports.ImportFileError, match="Line 2 has more than 50 columns"):
        parse(text)
    wide = xlsx([["kind", "title", "category", "sku", "price"], ["goods", "T", "C", "S", "1", *["x"] * 60]])
    with pytest.raises(imports.ImportFileError, match="Line 2 has more than 50 columns"):
        imports.rows_parse(filename="p.xlsx", content=wide)
