"""Dates and money outside templates (PDFs, spreadsheets, e-mails built in code),
formatted as templates format them in the active language: one locale, one format."""

from datetime import date as Date
from decimal import Decimal

from django.utils import formats
from oscar.templatetags.currency_filters import currency


def date_short(day: Date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""


def money(amount: Decimal, currency_code: str = "EUR") -> str:
    """ "€1,234.50" in English, "1 234,50 €" in French (Babel, through Oscar's filter)."""
    return currency(amount, currency_code)
