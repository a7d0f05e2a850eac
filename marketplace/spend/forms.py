from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.imports import MAX_BYTES

from .services import Decision


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spend file"),
        help_text=_("A .csv (UTF-8, separated by ; or ,) or .xlsx file exported from your ERP, at most 2 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)})
        self.content = upload.read()
        return upload


class DecisionForm(forms.Form):
    """The buyer's answer for one supplier name: `supplier` is offered among `choices`."""

    action = forms.CharField(widget=forms.HiddenInput, initial="decide")
    name_key = forms.CharField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[(Decision.CONFIRM, ""), (Decision.PICK, ""), (Decision.NOT_ON_PLATFORM, "")],
        widget=forms.HiddenInput,
        initial=Decision.PICK,
    )
    supplier = forms.TypedChoiceField(label=_("Another supplier of the platform"), coerce=int, required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].choices = [("", "—"), *choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.PICK and not cleaned.get("supplier"):
            self.add_error("supplier", _("Choose the supplier."))
        return cleaned


class InviteForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput, initial="invite")
    name_key = forms.CharField(widget=forms.HiddenInput)
    email = forms.EmailField(label=_("The supplier's e-mail address"))
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)
