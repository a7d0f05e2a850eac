from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Scope


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the key is for, e.g. the system that will use it.")
    )
    scope = forms.ChoiceField(label=_("Access"), choices=Scope.choices, initial=Scope.READ, widget=forms.RadioSelect)
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. The key stops working at the start of this day."),
    )

    def expires_at(self):
        day = self.cleaned_data["expires_on"]
        return timezone.make_aware(datetime.combine(day, time.min)) if day else None
