"""VAT rates by the supplier's country, in percent: the standard rate of every
country we sell in, and the reduced rates of our networks' countries by name, each
with the provision it implements and its dates of validity.

Prices in the shop are set by suppliers excluding VAT (B2B); the VAT shown beside them
is the supplier's country's standard rate unless the product sets its own `vat_rate`
attribute (a reduced rate, e.g. for food). Rates as of 2025; when a country changes
its rate, change it here (one place) — stock records store prices excluding VAT, so
nothing else moves.
"""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

STANDARD_RATES = {
    # European Union
    "AT": Decimal("20"),
    "BE": Decimal("21"),
    "BG": Decimal("20"),
    "CY": Decimal("19"),
    "CZ": Decimal("21"),
    "DE": Decimal("19"),
    "DK": Decimal("25"),
    "EE": Decimal("24"),
    "ES": Decimal("21"),
    "FI": Decimal("25.5"),
    "FR": Decimal("20"),
    "GR": Decimal("24"),
    "HR": Decimal("25"),
    "HU": Decimal("27"),
    "IE": Decimal("23"),
    "IT": Decimal("22"),
    "LT": Decimal("21"),
    "LU": Decimal("17"),
    "LV": Decimal("21"),
    "MT": Decimal("18"),
    "NL": Decimal("21"),
    "PL": Decimal("23"),
    "PT": Decimal("23"),
    "RO": Decimal("21"),
    "SE": Decimal("25"),
    "SI": Decimal("22"),
    "SK": Decimal("23"),
    # Neighbours where suppliers of our networks sell
    "AL": Decimal("20"),
    "BA": Decimal("17"),
    "CH": Decimal("8.1"),
    "GB": Decimal("20"),
    "IS": Decimal("24"),
    "LI": Decimal("8.1"),
    "ME": Decimal("21"),
    "MK": Decimal("18"),
    "NO": Decimal("25"),
    "RS": Decimal("20"),
}

# A country missing from the table: we do not guess a rate a buyer would then pay.
# Prices show 0 % VAT (the excl.-VAT figure is always right) and the log says which
# country to add above.
UNKNOWN_COUNTRY_RATE = Decimal("0")


@dataclass(frozen=True)
class ReducedRate:
    country: str
    name: str
    percent: Decimal
    covers: str  # what it applies to, in a supplier's words (the reference is the authority)
    reference: str
    valid_from: date
    valid_until: date | None = None
    food: bool = False  # the rate most food is sold at

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


# VAT Directive 2006/112/EC arts. 98-99 and Annex III allow these; each country's law sets them.
REDUCED_RATES = [
    ReducedRate("LU", _("Super-reduced rate"), Decimal("3"), _("most food and non-alcoholic drinks, books, medicines"),
                "Loi TVA du 12 février 1979, art. 40 et annexe B", date(2024, 1, 1), food=True),
    ReducedRate("LU", _("Reduced rate"), Decimal("8"), _("gas, electricity, hairdressing, cultural services"),
                "Loi TVA du 12 février 1979, art. 40 et annexe B", date(2024, 1, 1)),
    ReducedRate("LU", _("Intermediate rate"), Decimal("14"), _("some wines, printed advertising, securities custody"),
                "Loi TVA du 12 février 1979, art. 40 et annexe C", date(2024, 1, 1)),
    ReducedRate("FR", _("Reduced rate"), Decimal("5.5"), _("most food, books, energy-saving home renovation"),
                "Code général des impôts, art. 278-0 bis", date(2014, 1, 1), food=True),
    ReducedRate("FR", _("Intermediate rate"), Decimal("10"), _("catering and restaurant meals, home renovation"),
                "Code général des impôts, art. 279", date(2014, 1, 1)),
    ReducedRate("FR", _("Super-reduced rate"), Decimal("2.1"), _("reimbursable medicines, press"),
                "Code général des impôts, art. 281 quater et suivants", date(1989, 1, 1)),
    ReducedRate("DE", _("Reduced rate"), Decimal("7"), _("most food, books, passenger transport"),
                "Umsatzsteuergesetz § 12 Abs. 2 und Anlage 2", date(2021, 1, 1), food=True),
    ReducedRate("BE", _("Reduced rate"), Decimal("6"), _("most food, water, books, renovation of older homes"),
                "Arrêté royal n° 20 du 20 juillet 1970, tableau A", date(1992, 4, 1), food=True),
    ReducedRate("BE", _("Intermediate rate"), Decimal("12"), _("catering meals (without drinks), social housing"),
                "Arrêté royal n° 20 du 20 juillet 1970, tableau B", date(2010, 1, 1)),
    ReducedRate("NL", _("Reduced rate"), Decimal("9"), _("most food, books, medicines, repairs of bicycles and shoes"),
                "Wet op de omzetbelasting 1968, art. 9 en tabel I", date(2019, 1, 1), food=True),
    ReducedRate("RS", _("Special rate"), Decimal("10"), _("basic food, medicines, books, utility services"),
                "Zakon o porezu na dodatu vrednost, čl. 23 st. 2", date(2014, 1, 1), food=True),
]  # fmt: skip


def reduced_rates(country_code: str, on: date | None = None) -> list[ReducedRate]:
    """The reduced rates a supplier of the country may apply, valid on `on` (today)."""
    day = on or timezone.localdate()
    code = str(country_code or "").upper()
    return [rate for rate in REDUCED_RATES if rate.country == code and rate.valid_on(day)]


def food_rate(country_code: str, on: date | None = None) -> Decimal:
    """The rate most food is sold at in the country: its food reduced rate, else the standard one."""
    food = [rate.percent for rate in reduced_rates(country_code, on) if rate.food]
    return food[0] if food else standard_rate(country_code)


def standard_rate(country_code: str) -> Decimal:
    """The standard VAT rate (percent) of a country given by its ISO code."""
    rate = STANDARD_RATES.get(str(country_code or "").upper())
    if rate is None:
        logger.warning(
            "No VAT rate known for country %r: prices show 0 %% VAT. Add it to partner/vat.py.", country_code
        )
        return UNKNOWN_COUNTRY_RATE
    return rate


def vat_amount(*, net: Decimal, rate: Decimal) -> Decimal:
    """The VAT on a net amount at `rate` percent, rounded half up to the cent: shop
    prices, quotes and the order parts made from them all round it this way."""
    return (net * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
