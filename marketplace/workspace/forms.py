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
