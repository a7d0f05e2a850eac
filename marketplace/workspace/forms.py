import math

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits
from marketplace.order.models import PartStatus

from .selectors import SUPPLIER_STEPS

REASON_LABELS = {
    PartStatus.REJECTED: _("Reason for declining"),
    PartStatus.CANCELLED: _("Reason for cancelling"),
}


class PartStepForm(forms.Form):
    """One step on an order part: the status to move to, and a reason when declining or
    cancelling (the service requires it; the buyer reads it). `closing` is the closing
    step a form is drawn for: its reason field gets that step's label and is required."""

    status = forms.ChoiceField(choices=[(status, status) for status in SUPPLIER_STEPS])
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=limits.REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the buyer and kept with the order part, for your colleagues and the operators."),
    )

    def __init__(self, *args, closing: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if closing:
            self.fields["reason"].label = REASON_LABELS[closing]
            self.fields["reason"].required = True


class LocationForm(forms.Form):
    """Where a supplier is, in decimal degrees (WGS 84, as on every web map). A comma is
    read as a decimal point: "49,6116" is typed in half of Europe."""

    latitude = forms.CharField(
        label=_("Latitude"), max_length=20, help_text=_("From −90 (south) to 90 (north), e.g. 49.6116.")
    )
    longitude = forms.CharField(
        label=_("Longitude"), max_length=20, help_text=_("From −180 (west) to 180 (east), e.g. 6.1319.")
    )

    def _degrees(self, name, limit, message):
        raw = self.cleaned_data[name].strip().replace(",", ".").replace("−", "-")
        try:
            value = float(raw)
        except ValueError:
            raise forms.ValidationError(_("Write a number in decimal degrees, e.g. 49.6116.")) from None
        if not (math.isfinite(value) and -limit <= value <= limit):
            raise forms.ValidationError(message)
        return round(value, 6)  # about 10 cm: more would only pretend precision

    def clean_latitude(self):
        return self._degrees("latitude", 90, _("A latitude lies between −90 and 90."))

    def clean_longitude(self):
        return self._degrees("longitude", 180, _("A longitude lies between −180 and 180."))
