from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EventType
from .transport import url_check


class EndpointForm(forms.Form):
    url = forms.URLField(
        label=_("Address (URL)"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A public https:// address of your system that accepts POST requests."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=200, required=False, help_text=_("What this endpoint is for, for you.")
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EventType.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        url_check(url)
        return url
