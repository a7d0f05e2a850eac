"""VAT identification numbers, checked in form and check digits by python-stdnum: the
VAT ID of each EU member state (Greece's prefix is EL) and Serbia's PIB.

Only the number itself is checked here. Whether it is registered is VIES's answer
(marketplace.organisations.vies), asked later in the background: the checkout must not
depend on a network service."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions
from stdnum.eu import vat
from stdnum.rs import pib

# Country code (ISO 3166) of each EU member state -> a fictional VAT ID that passes its
# check digits, shown in error messages. Its first two letters are the country's VAT prefix.
EXAMPLES = {
    "AT": "ATU12345675",
    "BE": "BE0123456749",
    "BG": "BG123456786",
    "CY": "CY10345678D",
    "CZ": "CZ12345679",
    "DE": "DE123456788",
    "DK": "DK12345674",
    "EE": "EE123456780",
    "ES": "ESB12345674",
    "FI": "FI12345671",
    "FR": "FR11123456782",
    "GR": "EL123456783",
    "HR": "HR12345678903",
    "HU": "HU12345676",
    "IE": "IE1234567T",
    "IT": "IT12345670017",
    "LT": "LT123456715",
    "LU": "LU12345613",
    "LV": "LV40003456781",
    "MT": "MT12345671",
    "NL": "NL123456782B01",
    "PL": "PL1234567802",
    "PT": "PT123456789",
    "RO": "RO1234567897",
    "SE": "SE123456789701",
    "SI": "SI12345679",
    "SK": "SK1234567895",
}


def in_vies(country) -> bool:
    """VIES knows the VAT IDs of EU member states only (not, say, a Serbian PIB)."""
    return str(country) in EXAMPLES


def normalise(value: str) -> str:
    """Upper case without spaces, dots or dashes, as people type them ("lu 1234-5613")."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def _pib_validate(number: str) -> str:
    try:
        return pib.validate(number.removeprefix("RS"))
    except exceptions.InvalidChecksum:
        raise ValidationError(_("This PIB's check digit is wrong: please check the number.")) from None
    except exceptions.ValidationError:
        raise ValidationError(_("A Serbian PIB has 9 digits, e.g. 101134702.")) from None


def validate_vat_id(value: str, country) -> str:
    """The compact VAT ID of a firm in `country` (with its prefix in the EU, the 9 digits of
    a Serbian PIB), or ValidationError saying what is expected."""
    country = str(country)
    number = normalise(value)
    if country == "RS":
        return _pib_validate(number)
    if country not in EXAMPLES:
        if not re.fullmatch(r"[A-Z0-9]{4,20}", number):
            raise ValidationError(_("Enter the VAT ID with letters and digits only."))
        return number
    example = EXAMPLES[country]
    prefix = example[:2]
    if country == "GR" and number.startswith("GR"):  # the country code, typed where VAT says EL
        number = prefix + number[2:]
    if not number.startswith(prefix):
        raise ValidationError(
            _("A VAT ID from this country starts with %(prefix)s, e.g. %(example)s.")
            % {"prefix": prefix, "example": example}
        )
    try:
        return vat.validate(number)
    except exceptions.InvalidChecksum:
        raise ValidationError(_("This VAT ID's check digit is wrong: please check the number.")) from None
    except exceptions.ValidationError:
        raise ValidationError(
            _("This is not a valid VAT ID format for this country, e.g. %(example)s.") % {"example": example}
        ) from None


def is_valid_vat_id(value: str, country) -> bool:
    try:
        validate_vat_id(value, country)
    except ValidationError:
        return False
    return True
