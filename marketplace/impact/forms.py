from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PERIOD = timedelta(days=366 * 10)


class PeriodForm(forms.Form):
    """The report's period; by default the current year up to today."""

    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start = cleaned.get("start") or date(today.year, 1, 1)
        end = cleaned.get("end") or today
        if start > end:
            raise forms.ValidationError(_("The period starts after it ends: swap the dates."))
        if end - start > MAX_PERIOD:
            raise forms.ValidationError(_("Choose a period of at most ten years."))
        cleaned.update(start=start, end=end)
        return cleaned
