from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core import limits

from .selectors import SUPPLIER_STEPS


class PartStepForm(forms.Form):
    """One step on an order part: the status to move to, and a reason when declining."""

    status = forms.ChoiceField(choices=[(status, status) for status in SUPPLIER_STEPS])
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=limits.REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the order part, for your colleagues and the operators."),
    )
