from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.impact.forms import PeriodForm

from ..models import HeadlineFigure
from .selectors import Period, last_twelve_months

YEARS_OFFERED = 10


def year_choices():
    this_year = timezone.localdate().year
    return [("", _("Last 12 months"))] + [(year, year) for year in range(this_year, this_year - YEARS_OFFERED, -1)]


class DashboardPeriodForm(PeriodForm):
    """A calendar year, or dates of one's own; by default the last 12 months."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None, choices=year_choices)
    field_order = ["year", "start", "end"]

    def clean(self):
        cleaned, today = self.cleaned_data, timezone.localdate()
        if not cleaned.get("start") and not cleaned.get("end"):
            year = cleaned.get("year")
            default = Period(date(year, 1, 1), min(date(year, 12, 31), today)) if year else last_twelve_months(today)
            cleaned.update(start=default.start, end=default.end)
        return super().clean()

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


class PublishedFiguresForm(forms.Form):
    figures = forms.MultipleChoiceField(
        label=_("Figures shown on the network's public page"),
        choices=HeadlineFigure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Figures over a period are counted over the last 12 months, every time the page is shown."),
    )
