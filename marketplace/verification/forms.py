from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.organisations.models import Label
from marketplace.uploads import document_clean

DATE = forms.DateInput(attrs={"type": "date"})


class EvidenceForm(forms.Form):
    """What every claim carries: a registry reference or a document, and an expiry."""

    registry_reference = forms.CharField(
        label=_("Registry reference"),
        max_length=100,
        required=False,
        help_text=_("The number under which the register or the issuer lists you, if there is one."),
    )
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("Your certificate or attestation, as PDF, PNG or JPEG (at most 10 MB)."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"), required=False, widget=DATE, help_text=_("Leave empty when it does not expire.")
    )

    def __init__(self, *args, has_evidence: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_evidence = has_evidence  # a renewal may keep the document already sent

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        return document_clean(upload) if upload else None

    def clean(self):
        data = super().clean()
        missing = not data.get("evidence") and not data.get("registry_reference") and not self.has_evidence
        if missing and "evidence" not in self.errors:
            raise forms.ValidationError(_("Give a registry reference or upload a document as evidence."))
        return data


class LabelClaimForm(EvidenceForm):
    label = forms.ModelChoiceField(label=_("Label"), queryset=Label.objects.all())
    field_order = ["label", "registry_reference", "evidence", "valid_until"]


class WorkforceClaimForm(EvidenceForm):
    employees = forms.IntegerField(label=_("Employees"), min_value=1, max_value=1_000_000)
    employees_vulnerable = forms.IntegerField(
        label=_("Of whom in a vulnerable situation"),
        min_value=0,
        max_value=1_000_000,
        help_text=_("Disabled or disadvantaged employees, as your evidence counts them."),
    )
    as_of = forms.DateField(label=_("On the date"), widget=DATE)
    field_order = ["employees", "employees_vulnerable", "as_of", "registry_reference", "evidence", "valid_until"]

    def clean(self):
        data = super().clean()
        employees, vulnerable = data.get("employees"), data.get("employees_vulnerable")
        if employees is not None and vulnerable is not None and vulnerable > employees:
            self.add_error("employees_vulnerable", _("There cannot be more of them than employees in all."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify: the evidence shows the claim")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DATE,
        help_text=_("When the evidence stops holding; empty when it does not expire."),
    )
    note = forms.CharField(
        label=_("Note to the supplier"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject the claim."),
    )
