"""Reading a spend file exported from a buyer's ERP: the spreadsheet itself is read by
the catalogue import's `spreadsheet_table` (size, type, encoding and workbook checks);
here its header is recognised and each row turned into values or a problem.

Columns are found by their header in any of the site's languages or in English, the
way people write them ("Fournisseur", "USt-IdNr.", "Bedrag excl. btw"…): the labels of
COLUMNS in every language plus the SYNONYMS below, compared without case, accents,
spaces or punctuation. Other columns are ignored (and listed on the import's page).

Amounts are net of VAT in EUR: "1 234,50", "1.234,50", "1,234.50" and "€ 99" are read.
Rows in another currency are refused with a problem, not converted: the platform holds
no exchange rates, and a guessed one would make the report wrong."""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from catalogue.imports import ImportFileError

# column code -> label (the template's header, in the reader's language)
COLUMNS = {
    "supplier_name": _("Supplier name"),
    "vat_id": _("Supplier VAT ID"),
    "amount": _("Amount excl. VAT"),
    "date": _("Invoice date"),
    "category": _("Category"),
    "currency": _("Currency"),
    "reference": _("Invoice number"),
}
REQUIRED = ("supplier_name", "amount", "date")
SYNONYMS = {
    "supplier_name": [
        "supplier", "vendor", "vendor name", "name", "creditor", "fournisseur", "nom du fournisseur",
        "raison sociale", "lieferant", "lieferantenname", "kreditor", "leverancier", "naam leverancier",
        "crediteur", "dobavljac", "naziv dobavljaca", "добављач", "назив добављача",
    ],
    "vat_id": [
        "vat", "vat id", "vat number", "tva", "numero de tva", "n tva", "no tva", "tva intracommunautaire",
        "ust id", "ustidnr", "ust idnr", "umsatzsteuer id", "btw", "btw nummer", "btw nr", "pib", "пиб",
        "pdv broj",
    ],
    "amount": [
        "amount", "net amount", "amount excl vat", "montant", "montant ht", "betrag", "nettobetrag",
        "bedrag", "bedrag excl btw", "iznos", "износ",
    ],
    "date": ["date", "invoice date", "date de facture", "datum", "rechnungsdatum", "factuurdatum", "датум"],
    "category": ["category", "categorie", "kategorie", "kategorija", "категорија"],
    "currency": ["currency", "devise", "monnaie", "wahrung", "valuta", "валута"],
    "reference": [
        "reference", "invoice", "invoice no", "numero de facture", "referenz", "rechnungsnummer", "referentie",
        "factuurnummer", "broj fakture", "број фактуре", "referenca",
    ],
}  # fmt: skip

# What can be wrong with a row, in the reader's language.
PROBLEMS = {
    "supplier_name": _("The supplier's name is missing."),
    "amount": _("The amount is not a number (write e.g. 1234.50 or 1 234,50)."),
    "amount_size": _("The amount is too large."),
    "date": _("The date is missing or not a date (write e.g. 2026-03-31 or 31/03/2026)."),
    "date_future": _("The date is in the future."),
    "currency": _("Only amounts in EUR are counted: convert this row to EUR in your export."),
    "too_long": _("A cell is too long."),
}
MAX_AMOUNT = Decimal("1000000000")
LIMITS = {"supplier_name": 255, "vat_id": 40, "category": 200, "reference": 100}


def header_key(text) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", str(text or "").casefold()) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text)


def header_names() -> dict[str, str]:
    """Every header recognised -> its column code."""
    names = {}
    for code, words in SYNONYMS.items():
        names.update({header_key(word): code for word in words})
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update({header_key(str(label)): code for code, label in COLUMNS.items()})
    names.update({header_key(code): code for code in COLUMNS})
    return names


def columns_find(header: list) -> tuple[dict[str, int], list[str]]:
    """(column code -> index in the row, headers ignored), or ImportFileError when a
    required column is missing."""
    known = header_names()
    found, ignored = {}, []
    for index, cell in enumerate(header):
        code = known.get(header_key(cell))
        if code and code not in found:
            found[code] = index
        elif str(cell or "").strip():
            ignored.append(str(cell).strip()[:60])
    missing = [code for code in REQUIRED if code not in found]
    if missing:
        raise ImportFileError(
            translation.gettext("The first line must name the columns; it lacks: %(columns)s.")
            % {"columns": ", ".join(str(COLUMNS[code]) for code in missing)}
        )
    return found, ignored


def amount_read(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f'€]|EUR", "", str(value or ""), flags=re.IGNORECASE)
        if "," in text and "." in text:  # the last one separates the cents
            thousands = "." if text.rfind(",") > text.rfind(".") else ","
            text = text.replace(thousands, "")
        if text.count(",") == 1:
            text = text.replace(",", ".")
        elif text.count(",") > 1 or text.count(".") > 1:
            text = text.replace(",", "").replace(".", "")
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            return None
        number = Decimal(text)
    try:
        return number.quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%y", "%d.%m.%y")


def date_read(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    text = text.split(" ")[0] if re.match(r"\d{4}-\d\d-\d\d[ T]", text) else text
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.rstrip("."), fmt).date()
        except ValueError:
            continue
    return None


def text_read(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a VAT ID or reference typed as a number
    return " ".join(str(value).split())


def row_read(cells: list, columns: dict[str, int], *, today: datetime.date) -> tuple[dict, str | None]:
    """(values, None) for a readable row, or (raw values, the code of its first problem)."""

    def cell(code):
        index = columns.get(code)
        return cells[index] if index is not None and index < len(cells) else None

    values = {code: text_read(cell(code)) for code in ("supplier_name", "vat_id", "category", "reference")}
    # What the row holds, shortened, to show beside its problem.
    raw = {"supplier_name": values["supplier_name"][:80], "amount": text_read(cell("amount"))[:40]}
    raw["date"] = text_read(cell("date"))[:40]
    if not values["supplier_name"]:
        return raw, "supplier_name"
    if any(len(values[code]) > limit for code, limit in LIMITS.items()):
        return raw, "too_long"
    currency = text_read(cell("currency")).upper()
    if currency not in ("", "EUR", "€"):
        return raw, "currency"
    amount = amount_read(cell("amount"))
    if amount is None:
        return raw, "amount"
    if abs(amount) >= MAX_AMOUNT:
        return raw, "amount_size"
    spent_on = date_read(cell("date"))
    if spent_on is None:
        return raw, "date"
    if spent_on > today:
        return raw, "date_future"
    return {**values, "amount": amount, "spent_on": spent_on}, None
