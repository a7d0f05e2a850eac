"""The pieces of the documents a supplier or buyer downloads as PDF (invoices, delivery
notes, impact reports): one look, one font, one way to send them.

Drawn with reportlab in Bitstream Vera, the TrueType font reportlab ships: its built-in
Helvetica only knows Windows-1252, which has no "č" or "đ" for our Serbian suppliers."""

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.http import HttpResponse
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONT, FONT_BOLD = "Vera", "VeraBd"
_FONTS_DIR = Path(reportlab.__file__).parent / "fonts"
# The width between the margins of an A4 page.
WIDTH = 170 * mm


def register_fonts() -> None:
    """Register reportlab's Vera fonts as FONT and FONT_BOLD (once a process)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, _FONTS_DIR / "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, _FONTS_DIR / "VeraBd.ttf"))


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#555555")),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD),
        "stamp": ParagraphStyle("stamp", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18),
    }


def text(lines, style) -> Paragraph:
    """A paragraph of one or more lines (empty ones left out). Paragraph reads its text as
    markup: names and titles typed by people are escaped."""
    if isinstance(lines, str):
        lines = [lines]
    return Paragraph("<br/>".join(escape(str(line)) for line in lines if line), style)


def _plain(table: Table, *commands) -> Table:
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), *commands]))
    return table


def parties(left: tuple[str, list], right: tuple[str, list], style) -> Table:
    """Two addresses side by side, each under its label: (label, lines)."""
    return _plain(
        Table(
            [
                [text(left[0], style["label"]), text(right[0], style["label"])],
                [text(left[1], style["base"]), text(right[1], style["base"])],
            ],
            colWidths=[WIDTH / 2, WIDTH / 2],
        )
    )


def facts(rows: list[tuple[str, str]], style) -> Table:
    """Label: value rows (numbers, dates, references)."""
    return _plain(
        Table(
            [[text(label, style["label"]), text(value, style["base"])] for label, value in rows],
            colWidths=[45 * mm, WIDTH - 45 * mm],
        )
    )


def lines_table(header: list[str], rows: list[list], widths: list, style, *, right_from: int = 1) -> Table:
    """A table of lines under a bold header repeated on every page; the columns from
    `right_from` on (figures) are right-aligned. A str cell is drawn as is; wrap text typed
    by people with `text` so that it breaks across lines."""
    table = Table([[text(cell, style["label"]) for cell in header], *rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 9),
                ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
            ]
        )
    )
    return table


def document(story: list, *, title: str, author: str) -> bytes:
    """The story laid out on A4 pages, as the bytes of a PDF file."""
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
    ).build(story)
    return buffer.getvalue()


def download(content: bytes, filename: str) -> HttpResponse:
    """A PDF as a file to save. These documents are private: no shared cache may keep a copy."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
