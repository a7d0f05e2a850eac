from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import Channel, Frequency

OFF = "off"
CHOICES = [(OFF, _("Off")), *Frequency.choices]


class PreferencesForm(forms.Form):
    """One choice per kind the person may turn off and per channel: off, at once, or in a summary."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for _label, group_rows in rows:
            for row in group_rows:
                if row.kind.required:
                    continue
                for channel, label in Channel.choices:
                    current = getattr(row, channel)
                    self.fields[self.name_of(row.kind.key, channel)] = forms.ChoiceField(
                        label=label, choices=CHOICES, initial=current or OFF
                    )

    def sections(self):
        """(group label, [(row, e-mail field, in-app field)]) for the page; no fields for a required kind."""
        return [
            (
                label,
                [
                    (row, *(None if row.kind.required else self[self.name_of(row.kind.key, c)] for c in Channel))
                    for row in rows
                ],
            )
            for label, rows in self.rows
        ]

    @staticmethod
    def name_of(key: str, channel: str) -> str:
        return f"{key}__{channel}"

    def choices(self) -> dict[tuple[str, str], str | None]:
        result = {}
        for name, value in self.cleaned_data.items():
            key, channel = name.split("__")
            result[key, channel] = None if value == OFF else value
        return result
