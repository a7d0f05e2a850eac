"""Standard VAT rates by the supplier's country, in percent.

Prices in the shop are set by suppliers excluding VAT (B2B); the VAT shown beside them
is the supplier's country's standard rate unless the product sets its own `vat_rate`
attribute (a reduced rate, e.g. for food). Rates as of 2025; when a country changes
its rate, change it here (one place) — stock records store prices excluding VAT, so
nothing else moves.
"""

import logging
from decimal import ROUND_HALF_UP, Decimal

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
