"""Form fields for prices and their VAT, shared by the supplier's product forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import vat


def percent(value) -> str:
    return f"{value:g}"


class VatRateField(forms.TypedChoiceField):
    """The VAT rate of a product, chosen among its supplier's country's rates by name.
    Empty means the standard rate (the product follows the country's standard rate if it
    changes); a rate stored earlier that the country no longer has stays choosable."""

    def __init__(self, *, country: str, current=None, **kwargs):
        choices = [("", _("Standard rate, %(rate)s %%") % {"rate": percent(vat.standard_rate(country))})]
        for rate in vat.reduced_rates(country):
            label = _("%(name)s, %(rate)s %% (%(covers)s)") % {
                "name": rate.name, "rate": percent(rate.percent), "covers": rate.covers}  # fmt: skip
            choices.append((percent(rate.percent), label))
        if current is not None and percent(current) not in dict(choices):
            choices.append((percent(current), _("Other rate, %(rate)s %%") % {"rate": percent(current)}))
        super().__init__(choices=choices, coerce=float, empty_value=None, required=False, label=_("VAT rate"), **kwargs)
