"""Tables as CSV and XLSX downloads: suppliers (a shortlist or search results) here,
and the impact report's tables. One table, two formats, the same cells."""

import csv
from dataclasses import dataclass
from io import BytesIO, StringIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from marketplace.core.mail import absolute_url

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    title: str  # the sheet's name in XLSX (at most 31 characters)
    header: list
    rows: list


def format_converter(*formats: str):
    """A URL converter for a download's format, e.g. `export.<table:fmt>` with csv and xlsx."""

    class FileFormat:
        regex = "|".join(formats)

        def to_python(self, value):
            return value

        def to_url(self, value):
            return value

    return FileFormat


def csv_bytes(tables: list[Table]) -> bytes:
    """One CSV file; several tables follow each other, each after its title line."""
    out = StringIO()
    writer = csv.writer(out)
    for index, table in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow([table.title])
        writer.writerow(table.header)
        writer.writerows([csv_cell(cell) for cell in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode()  # with a BOM, so that Excel reads UTF-8


def csv_cell(value):
    # A cell starting like a formula is run by spreadsheets: typed text must not be.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def xlsx_bytes(tables: list[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.title[:31])
        sheet.append(table.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([csv_cell(cell) for cell in row])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(tables: list[Table], *, filename: str, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(tables), content_type=XLSX)
    else:
        response = HttpResponse(csv_bytes(tables), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def supplier_table(suppliers, *, title: str) -> Table:
    """Suppliers loaded by shortlists.supplier_export_queryset."""
    header = [
        _("Name"), _("Legal form"), _("Country"), _("Region"), _("Town"), _("Sectors"), _("Area served"),
        _("Impact areas"), _("Employees"), _("Of whom from vulnerable groups"), _("Website"), _("Profile"),
    ]  # fmt: skip
    rows = [
        [
            supplier.name,
            supplier.get_legal_form_display(),
            supplier.country.name,
            supplier.region.name if supplier.region_id else "",
            supplier.city,
            "; ".join(str(sector) for sector in supplier.sectors.all()),
            "; ".join(str(area) for area in supplier.served_areas.all()),
            "; ".join(area.name for area in supplier.impact_areas.all()),
            supplier.employees,
            supplier.employees_vulnerable,
            supplier.website,
            absolute_url(supplier.get_absolute_url()),
        ]
        for supplier in suppliers
    ]
    return Table(title=title, header=header, rows=rows)
