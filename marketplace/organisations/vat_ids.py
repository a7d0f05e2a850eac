"""VAT identification numbers: the format of each EU member state (as VIES describes
them) and Serbia's PIB (9 digits with an ISO 7064 MOD 11,10 check digit).

Only the format is checked here: whether the number is registered needs VIES, a
network service the checkout must not depend on."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Country code (ISO 3166) -> (VAT prefix, pattern of what follows the prefix, example).
FORMATS = {
    "AT": ("AT", r"U\d{8}", "ATU12345678"),
    "BE": ("BE", r"[01]\d{9}", "BE0123456789"),
    "BG": ("BG", r"\d{9,10}", "BG123456789"),
    "CY": ("CY", r"\d{8}[A-Z]", "CY12345678X"),
    "CZ": ("CZ", r"\d{8,10}", "CZ12345678"),
    "DE": ("DE", r"\d{9}", "DE123456789"),
    "DK": ("DK", r"\d{8}", "DK12345678"),
    "EE": ("EE", r"\d{9}", "EE123456789"),
    "GR": ("EL", r"\d{9}", "EL123456789"),
    "ES": ("ES", r"[A-Z0-9]\d{7}[A-Z0-9]", "ESX1234567X"),
    "FI": ("FI", r"\d{8}", "FI12345678"),
    "FR": ("FR", r"[A-HJ-NP-Z0-9]{2}\d{9}", "FR12345678901"),
    "HR": ("HR", r"\d{11}", "HR12345678901"),
    "HU": ("HU", r"\d{8}", "HU12345678"),
    "IE": ("IE", r"\d[A-Z0-9+*]\d{5}[A-Z]{1,2}", "IE1234567X"),
    "IT": ("IT", r"\d{11}", "IT12345678901"),
    "LT": ("LT", r"\d{9}|\d{12}", "LT123456789"),
    "LU": ("LU", r"\d{8}", "LU12345678"),
    "LV": ("LV", r"\d{11}", "LV12345678901"),
    "MT": ("MT", r"\d{8}", "MT12345678"),
    "NL": ("NL", r"\d{9}B\d{2}", "NL123456789B01"),
    "PL": ("PL", r"\d{10}", "PL1234567890"),
    "PT": ("PT", r"\d{9}", "PT123456789"),
    "RO": ("RO", r"\d{2,10}", "RO1234567890"),
    "SE": ("SE", r"\d{12}", "SE123456789001"),
    "SI": ("SI", r"\d{8}", "SI12345678"),
    "SK": ("SK", r"\d{10}", "SK1234567890"),
}


def normalise(value: str) -> str:
    """Upper case without spaces, dots or dashes, as people type them ("lu 1234-5678")."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def _pib_check_digit_ok(digits: str) -> bool:
    """ISO 7064 MOD 11,10 over the first eight digits gives the ninth."""
    product = 10
    for digit in digits[:8]:
        total = (int(digit) + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10 == int(digits[8])


def validate_vat_id(value: str, country: str) -> str:
    """The normalised VAT ID of a firm in `country`, or ValidationError saying what is expected."""
    number = normalise(value)
    if country == "RS":
        digits = number.removeprefix("RS")
        if not re.fullmatch(r"\d{9}", digits):
            raise ValidationError(_("A Serbian PIB has 9 digits, e.g. 101134702."))
        if not _pib_check_digit_ok(digits):
            raise ValidationError(_("This PIB's check digit is wrong: please check the number."))
        return digits
    if country not in FORMATS:
        if not re.fullmatch(r"[A-Z0-9]{4,20}", number):
            raise ValidationError(_("Enter the VAT ID with letters and digits only."))
        return number
    prefix, pattern, example = FORMATS[country]
    if not number.startswith(prefix):
        raise ValidationError(
            _("A VAT ID from this country starts with %(prefix)s, e.g. %(example)s.")
            % {"prefix": prefix, "example": example}
        )
    if not re.fullmatch(pattern, number[len(prefix) :]):
        raise ValidationError(
            _("This is not a valid VAT ID format for this country, e.g. %(example)s.") % {"example": example}
        )
    return number
