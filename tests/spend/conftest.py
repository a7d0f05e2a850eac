"""The suppliers of the spend file in tests/spend/files, and the file as CSV and XLSX."""

import csv
import datetime
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from marketplace.organisations.models import Supplier
from tests.factories import SupplierFactory

FILES = Path(__file__).parent / "files"


def supplier(name, *, country="FR", vat_id="", verified=True):
    created = SupplierFactory(name=name, country=country, unverified=not verified)
    Supplier.objects.filter(pk=created.pk).update(vat_id=vat_id)
    return created


@pytest.fixture
def suppliers(db):
    return SimpleNamespace(
        vert=supplier("Atelier Vert", vat_id="FR11123456782"),
        bati=supplier("Bâti-Réemploi Ettelbruck", country="LU", vat_id="LU12345613"),
        werkstatt=supplier("Grüne Werkstatt gGmbH", country="DE", vat_id="DE123456788"),
        srca=supplier("Kuhinja Srca d.o.o.", country="RS", vat_id="101134702"),
        cafe_fr=supplier("Repair Café", country="FR"),
        cafe_be=supplier("Repair Café ASBL", country="BE"),
        caterers=supplier("Lorraine Caterers"),
        hidden=supplier("Hidden Works", verified=False),
    )


def spend_csv() -> bytes:
    return (FILES / "spend.csv").read_bytes()


def spend_xlsx() -> bytes:
    """The same rows as a workbook; the formula cells are formulas, saved without a computed value."""
    workbook = Workbook()
    sheet = workbook.active
    for cells in csv.reader(io.StringIO(spend_csv().decode()), delimiter=";"):
        # Typed cells where a spreadsheet has them: ISO dates as dates, plain amounts as numbers.
        if cells and re.fullmatch(r"\d{4}-\d\d-\d\d", cells[3]):
            cells[3] = datetime.date.fromisoformat(cells[3])
        if cells and re.fullmatch(r"\d+(\.\d+)?", cells[2]):
            cells[2] = float(cells[2])
        sheet.append(cells)  # openpyxl stores a text starting with "=" as a formula
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
