"""Bank accounts that buyers pay suppliers' invoices to: IBAN and BIC checked (format,
country, check digits) by schwifty, a maintained library, stored compact, shown in
groups of four as printed on statements."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException


def iban_clean(value: str) -> str:
    """The IBAN compact ("LU280019400644750000"), or a ValidationError that says what is wrong."""
    try:
        return IBAN(value).compact
    except SchwiftyException as error:
        raise ValidationError(
            _("This is not a valid IBAN (%(reason)s). Copy it from your bank statement, e.g. LU28 0019 4006 4475 0000.")
            % {"reason": str(error).rstrip(".").lower()},
            code="invalid_iban",
        ) from None


def bic_clean(value: str) -> str:
    try:
        return BIC(value).compact
    except SchwiftyException:
        raise ValidationError(
            _("This is not a valid BIC: 8 or 11 letters and digits, e.g. BCEELULL."), code="invalid_bic"
        ) from None


def bic_of(iban: str) -> str:
    """The BIC of the IBAN's bank where the registry knows it, else ""."""
    bic = IBAN(iban).bic
    return bic.compact if bic else ""


def iban_display(iban: str) -> str:
    return IBAN(iban).formatted if iban else ""


def iban_masked(iban: str) -> str:
    """The IBAN's country and last four characters ("LU…0000"): enough for the audit log to
    tell accounts apart without holding the number."""
    return f"{iban[:2]}…{iban[-4:]}" if iban else ""
