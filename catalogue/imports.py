"""Import a supplier's goods and services from a CSV or XLSX file, export them in the
same columns (so a file can go out, be edited and come back), and save one product
from the workspace's form through the same checks as a row of a file.

Three plain steps, used by the dashboard's import pages (and usable from a command):

- `rows_parse(filename=, content=)` reads the file into rows, each with its line
  number in the file (the header is line 1), or raises `ImportFileError` with a
  message for the supplier (too big, too many rows, not UTF-8, not a spreadsheet…);
- `rows_validate(supplier=, rows=)` checks every row and says, per line, what would
  happen (create, or update of the product with the same SKU) or what is wrong;
- `products_import(supplier=, rows=, by=)` saves every row in one transaction, or
  nothing when any row is invalid.

Products are saved one by one with `save()` so that the search index, which follows
product and stock record saves after commit, picks them up.

Languages: `title` and `description` are in the supplier's own language
(Organisation.language), and are required as before; `title_de`, `description_fr`… hold the
other languages (never Serbian Latin, made from the Cyrillic text). A file without those
columns leaves the other languages as they are; an empty cell in one removes that text.
The column of the own language itself is left empty in exports and, when filled, must
repeat `title` / `description`.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalogue.attributes import GOODS, GOODS_CODES, SERVICE, SERVICE_CODES, validate_attribute
from marketplace import richtext
from marketplace.core import content
from marketplace.sourcing.exports import csv_cell
from marketplace.webhooks import events as webhook_events

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

# A supplier's catalogue fits well within these; beyond them a file is refused before it
# costs memory or time (a 1.6 KB XLSX can claim a million rows, a small zip can unpack to GBs).
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000  # products
MAX_LINES = 2 * MAX_ROWS  # lines read, blank ones included
MAX_COLUMNS = 50
MAX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024  # an .xlsx is a zip: its members unpacked
EXTENSIONS = (".csv", ".xlsx")

BASE_COLUMNS = ["kind", "title", "description", "category", "sku", "price", "stock"]
ATTRIBUTE_COLUMNS = list(dict.fromkeys(GOODS_CODES + SERVICE_CODES))
WRITTEN = ("title", "description")  # in the supplier's own language; other languages in the columns below
LANGUAGE_COLUMNS = [content.column(name, code) for code, _label in content.WRITING_LANGUAGES for name in WRITTEN]
COLUMNS = BASE_COLUMNS + ATTRIBUTE_COLUMNS + LANGUAGE_COLUMNS
REQUIRED_COLUMNS = ["kind", "title", "category", "sku", "price"]
KIND_CODES = {GOODS: GOODS_CODES, SERVICE: SERVICE_CODES}

EXAMPLE_ROWS = [
    {
        "kind": GOODS,
        "title": "Organic apple juice, 1 l",
        "description": "Pressed from apples of local orchards.",
        "category": "Food > Local food distribution",
        "sku": "JUICE-1L",
        "price": "3.20",
        "stock": "120",
        "unit": "bottle",
        "minimum_order_quantity": "6",
        "lead_time_days": "2",
        "delivery_area": "Luxembourg",
        "origin_region": "Moselle",
        "recycled_share": "0",
        "certifications": "EU organic",
        "vat_rate": "3",
    },
    {
        "kind": SERVICE,
        "title": "Office cleaning",
        "description": "Weekly cleaning by a work-integration team.",
        "category": "Cleaning",
        "sku": "CLEAN-HOUR",
        "price": "32,50",
        "stock": "",
        "pricing_unit": "hour",
        "area_served": "Esch-sur-Alzette",
        "capacity_per_month": "400",
        "on_quote_only": "no",
    },
]


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the supplier."""


@dataclass
class RowResult:
    line: int
    values: dict
    errors: list = field(default_factory=list)
    product: object = None  # the product an existing SKU updates
    cleaned: dict = field(default_factory=dict)

    @property
    def action(self):
        return "update" if self.product is not None else "create"

    @property
    def action_label(self):
        return gettext_lazy("update") if self.product is not None else gettext_lazy("create")


# Reading files


def spreadsheet_table(*, filename: str, content: bytes) -> list[tuple[int, list]]:
    """The lines of a CSV (UTF-8, with or without BOM, `;` or `,`) or XLSX file (its
    first sheet; formulas as the values last computed, never run), each as (line number,
    cells), within the caps above; or ImportFileError saying what is wrong with the file.
    Shared with other spreadsheet imports (a buyer's spend)."""
    name = (filename or "").lower()
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    if not name.endswith(EXTENSIONS):
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    table = _xlsx_table(content) if name.endswith(".xlsx") else _csv_table(content)
    if not table:
        raise ImportFileError(_("The file is empty."))
    return table


def rows_parse(*, filename: str, content: bytes) -> list[dict]:
    """The data rows of a CSV or XLSX file (see `spreadsheet_table`), as dicts of the
    known columns plus "line" (the row's line in the file)."""
    table = spreadsheet_table(filename=filename, content=content)
    header_line, header = table[0]
    names = [str(cell or "").strip().lower() for cell in header]
    unknown = [n for n in names if n and n not in COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Line %(line)s: unknown column(s) %(columns)s. The columns are: %(known)s.")
            % {"line": header_line, "columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [n for n in REQUIRED_COLUMNS if n not in names]
    if missing:
        raise ImportFileError(
            _("Line %(line)s: the header lacks the column(s) %(columns)s.")
            % {"line": header_line, "columns": ", ".join(missing)}
        )
    rows = []
    for line, cells in table[1:]:
        values = {n: _text(cells[i]) if i < len(cells) else "" for i, n in enumerate(names) if n}
        if not any(values.values()):
            continue  # blank lines are skipped, but still counted in line numbers
        rows.append({"line": line, **values})
        if len(rows) > MAX_ROWS:
            raise ImportFileError(_("The file has more than %(max)s rows: split it.") % {"max": MAX_ROWS})
    if not rows:
        raise ImportFileError(_("The file has a header but no product rows."))
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_table(content: bytes) -> list[tuple[int, list]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table, next_line = [], 1
    try:
        for cells in reader:
            table.append((next_line, _within_limits(next_line, cells)))
            next_line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(_("Line %(line)s: %(error)s") % {"line": next_line, "error": error}) from None
    return table


def _xlsx_table(content: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNCOMPRESSED_BYTES:
            raise ImportFileError(
                _("The workbook unpacks to more than %(size)s MB: save it again or split it.")
                % {"size": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)}
            )
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(_("The file is not a valid .xlsx workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        # The size the sheet claims is not believed: rows are read as they come, at most
        # one column more than allowed (to tell that there are too many).
        sheet.reset_dimensions()
        table = []
        for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1):
            table.append((number, _within_limits(number, list(cells))))
        return table
    finally:
        workbook.close()


def _within_limits(line: int, cells: list) -> list:
    """The line's cells, or ImportFileError past the caps on lines and columns."""
    if line > MAX_LINES:
        raise ImportFileError(
            _("The file has more than %(max)s lines (blank ones count too): split it.") % {"max": MAX_LINES}
        )
    if len(cells) > MAX_COLUMNS and any(cell not in (None, "") for cell in cells[MAX_COLUMNS:]):
        raise ImportFileError(_("Line %(line)s has more than %(max)s columns.") % {"line": line, "max": MAX_COLUMNS})
    return cells[:MAX_COLUMNS]


# Validating


def _category_names() -> dict:
    """Every category with its full path as people read it ("Food > Local food"), by id."""
    names, stack = {}, []
    for category in Category.objects.order_by("path"):
        del stack[category.depth - 1 :]
        stack.append(category.name.strip())
        names[category.pk] = (category, " > ".join(stack))
    return names


def _category_paths() -> tuple[dict, dict]:
    """Every category by its lower-case full path ("food > local food") and, for
    leaf names used once, by its name alone (None when ambiguous)."""
    by_path, by_name = {}, {}
    for category, path in _category_names().values():
        by_path[path.lower()] = category
        key = category.name.strip().lower()
        by_name[key] = None if key in by_name else category
    return by_path, by_name


def _category(text, paths):
    by_path, by_name = paths
    key = " > ".join(part.strip() for part in text.split(">")).lower()
    if key in by_path:
        return by_path[key]
    if ">" not in text and key in by_name:
        if by_name[key] is None:
            raise ValidationError(
                _("Category “%(name)s” exists in several places: write its path, e.g. “Parent > %(name)s”.")
                % {"name": text}
            )
        return by_name[key]
    raise ValidationError(_("Unknown category “%(name)s”.") % {"name": text})


def _price(text):
    try:
        price = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValidationError(_("Price “%(value)s” is not a number, e.g. 12.50.") % {"value": text}) from None
    if not price.is_finite() or price < 0:
        raise ValidationError(_("Price must be zero or more."))
    if price != price.quantize(Decimal("0.01")):
        raise ValidationError(_("Price has more than two decimals."))
    if price >= Decimal("10000000000"):
        raise ValidationError(_("Price is too large."))
    return price.quantize(Decimal("0.01"))


def _stock(text):
    try:
        stock = int(text)
    except ValueError:
        raise ValidationError(_("Stock “%(value)s” must be a whole number.") % {"value": text}) from None
    if stock < 0:
        raise ValidationError(_("Stock cannot be negative."))
    return stock


def _product_class(kind):
    return ProductClass.objects.filter(slug=kind).first() or ProductClass.objects.filter(name__iexact=kind).first()


def rows_validate(*, supplier, rows: list[dict]) -> list[RowResult]:
    """Check every row against the catalogue as it is now; each result carries its
    errors (messages without the line number) and, when valid, the cleaned values."""
    paths = _category_paths()
    classes = {kind: _product_class(kind) for kind in KIND_CODES}
    existing = {
        record.partner_sku: record
        for record in StockRecord.objects.filter(
            partner=supplier.partner, partner_sku__in=[row.get("sku", "") for row in rows]
        ).select_related("product__product_class")
    }
    seen_skus = {}
    results = []
    for row in rows:
        result = RowResult(line=row["line"], values=row)
        results.append(result)
        errors, cleaned = result.errors, result.cleaned

        def check(name, fn, *args, errors=errors, cleaned=cleaned):
            try:
                cleaned[name] = fn(*args)
            except ValidationError as error:
                errors.extend(error.messages)

        kind = row.get("kind", "").strip().lower()
        if kind not in KIND_CODES:
            errors.append(_("Kind must be “goods” or “service”."))
        elif classes[kind] is None:
            errors.append(_("The product type “%(kind)s” does not exist yet.") % {"kind": kind})
        else:
            cleaned["product_class"] = classes[kind]
        title = row.get("title", "").strip()
        if not title:
            errors.append(_("Title is required."))
        elif len(title) > 255:
            errors.append(_("Title is longer than 255 characters."))
        cleaned["title"], cleaned["description"] = title, row.get("description", "").strip()
        cleaned["languages"] = _languages_check(supplier, row, cleaned, errors)
        if row.get("category", "").strip():
            check("category", _category, row["category"].strip(), paths)
        else:
            errors.append(_("Category is required."))
        sku = row.get("sku", "").strip()
        if not sku:
            errors.append(_("SKU is required."))
        elif len(sku) > 128:
            errors.append(_("SKU is longer than 128 characters."))
        elif sku in seen_skus:
            errors.append(_("SKU “%(sku)s” is already on line %(line)s.") % {"sku": sku, "line": seen_skus[sku]})
        else:
            seen_skus[sku] = row["line"]
            record = existing.get(sku)
            if record is not None:
                result.product = record.product
                if kind in KIND_CODES and record.product.get_product_class() != classes.get(kind):
                    errors.append(_("SKU “%(sku)s” is an existing product of another kind.") % {"sku": sku})
        cleaned["sku"] = sku
        if row.get("price", "").strip():
            check("price", _price, row["price"].strip())
        else:
            errors.append(_("Price is required."))
        stock = row.get("stock", "").strip()
        if kind == SERVICE and stock:
            errors.append(_("Services have no stock: leave the stock column empty."))
        elif kind == GOODS:
            if stock:
                check("stock", _stock, stock)
            else:
                errors.append(_("Stock is required for goods (0 or more)."))
        attributes = cleaned["attributes"] = {}
        for code in KIND_CODES.get(kind, ()):
            try:
                attributes[code] = validate_attribute(code, row.get(code, ""))
            except ValidationError as error:
                errors.extend(error.messages)
        other_codes = set(ATTRIBUTE_COLUMNS) - set(KIND_CODES.get(kind, ATTRIBUTE_COLUMNS))
        for code in sorted(other_codes):
            if row.get(code, "").strip():
                errors.append(_("Column “%(code)s” does not apply to %(kind)s.") % {"code": code, "kind": kind})
    return results


def _languages_check(supplier, row, cleaned, errors) -> dict:
    """{column: text} of the other languages the row gives (see the module's docstring)."""
    texts = {}
    for code, _label in content.WRITING_LANGUAGES:
        for name in WRITTEN:
            column = content.column(name, code)
            if column not in row:
                continue
            text = row[column].strip()
            if code != supplier.language:
                texts[column] = text
            elif text and text != cleaned[name]:
                errors.append(
                    _("Column “%(column)s” is your own language: leave it empty or repeat “%(name)s”.")
                    % {"column": column, "name": name}
                )
            if name == "title" and len(text) > 255:
                errors.append(_("Column “%(column)s”: the title is longer than 255 characters.") % {"column": column})
    return texts


# Saving


@transaction.atomic
def products_import(*, supplier, rows: list[dict], by=None) -> dict:
    """Create or update the supplier's products from rows, all or nothing. Raises
    ValidationError listing "Line N: message" when any row is invalid. Returns the
    counts {"created": n, "updated": m}."""
    results = rows_validate(supplier=supplier, rows=rows)
    errors = [
        _("Line %(line)s: %(error)s") % {"line": result.line, "error": error}
        for result in results
        for error in result.errors
    ]
    if errors:
        raise ValidationError(errors)
    counts = {"created": 0, "updated": 0}
    for result in results:
        _row_save(supplier, result)
        counts["created" if result.product is None else "updated"] += 1
    return counts


def _row_save(supplier, result: RowResult):
    data = result.cleaned
    product = result.product or Product(structure=Product.STANDALONE, is_public=True)
    product.product_class = data["product_class"]
    # Written in the supplier's own language, whatever the language of the page or command.
    setattr(product, content.column("title", supplier.language), data["title"])
    setattr(product, content.column("description", supplier.language), richtext.clean(data["description"]))
    for column, text in data["languages"].items():
        setattr(product, column, (richtext.clean(text) if column.startswith("description") else text) or None)
    for code, value in data["attributes"].items():
        setattr(product.attr, code, value)  # None removes a value the product had
    product.save()
    ProductCategory.objects.filter(product=product).exclude(category=data["category"]).delete()
    ProductCategory.objects.get_or_create(product=product, category=data["category"])
    record = StockRecord.objects.filter(partner=supplier.partner, partner_sku=data["sku"]).first()
    record = record or StockRecord(product=product, partner=supplier.partner, partner_sku=data["sku"])
    before = record.net_stock_level if record.pk and record.num_in_stock is not None else None
    record.price = data["price"]
    record.price_currency = settings.OSCAR_DEFAULT_CURRENCY
    record.num_in_stock = data.get("stock")
    record.save()
    webhook_events.stock_left(record, before=before)
    return product


@transaction.atomic
def product_save(*, supplier, values: dict):
    """Create or update (by SKU) one of the supplier's products from the values of one
    row (strings, as in a file), checked as an imported row is. Raises ValidationError
    with the row's messages. Returns the product."""
    (result,) = rows_validate(supplier=supplier, rows=[{"line": 1, **values}])
    if result.errors:
        raise ValidationError(result.errors)
    return _row_save(supplier, result)


def sku_for(*, supplier, title: str) -> str:
    """A reference of the supplier's own for a new product: its title in capitals, made unique."""
    from django.utils.text import slugify

    base = (slugify(title)[:40].upper() or "PRODUCT").strip("-")
    taken = set(StockRecord.objects.filter(partner=supplier.partner, partner_sku__startswith=base)
                .values_list("partner_sku", flat=True))  # fmt: skip
    return next(sku for n in range(1, len(taken) + 2) if (sku := base if n == 1 else f"{base}-{n}") not in taken)


# Files: the template and the supplier's catalogue, in the import's columns


def template_rows() -> list[list[str]]:
    """The header and one example row per kind, for the downloadable template."""
    return [COLUMNS] + [[example.get(column, "") for column in COLUMNS] for example in EXAMPLE_ROWS]


def _records(supplier):
    return (
        StockRecord.objects.filter(partner=supplier.partner, product__structure=Product.STANDALONE)
        .select_related("product__product_class", "partner__supplier")
        .prefetch_related("product__categories", "product__attribute_values__attribute",
                          "product__attribute_values__value_option")
    )  # fmt: skip


def _values(record, category_names) -> dict:
    """A product and its stock record as the values of a row of an import file."""
    product = record.product
    kind = product.product_class.slug if product.product_class else ""
    own = record.partner.supplier.language
    values = {
        "kind": kind,
        "title": getattr(product, content.column("title", own)) or "",
        "description": getattr(product, content.column("description", own)) or "",
        "category": next((category_names[c.pk][1] for c in product.categories.all()), ""),
        "sku": record.partner_sku,
        "price": "" if record.price is None else f"{record.price:.2f}",
        "stock": "" if kind == SERVICE or record.num_in_stock is None else str(record.num_in_stock),
    }
    for value in product.attribute_values.all():
        values[value.attribute.code] = _text(getattr(value.value, "code", value.value))
    own_columns = {content.column(name, own) for name in WRITTEN}
    for column in LANGUAGE_COLUMNS:
        if column not in own_columns:
            values[column] = getattr(product, column) or ""
    return values


def product_values(*, supplier, product) -> dict:
    """One of the supplier's products as a row's values (what its form starts from)."""
    return _values(_records(supplier).get(product=product), _category_names())


def supplier_rows(supplier) -> list[list[str]]:
    """The header and a row per product of the supplier: importing it again changes nothing."""
    names = _category_names()
    records = _records(supplier).order_by("product__title", "pk")
    return [COLUMNS] + [[csv_cell(_values(record, names).get(column, "")) for column in COLUMNS] for record in records]


def rows_csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def rows_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "products"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_csv() -> bytes:
    return rows_csv(template_rows())


def template_xlsx() -> bytes:
    return rows_xlsx(template_rows())
