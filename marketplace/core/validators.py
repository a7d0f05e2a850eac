"""Text that breaks later work never gets in: a single-line field (a name, a title, a
reference) holds no control character, a multi-line one (a description, a message)
no control character but line breaks and tabs. A name with a line break, once in an
e-mail subject, made every e-mail about it fail (BadHeaderError).

Every Django form field of text (ours, Oscar's, Wagtail's) checks this, as Django's
CharField already refuses NUL characters: a field is single-line unless its widget is
a Textarea, looked at when the value is cleaned (a form may change a field's widget)."""

import datetime
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

MULTILINE_ALLOWED = "\t\n\r"
# Unicode's own line and paragraph separators break a line as much as a newline does.
LINE_BREAKING = {"Cc", "Zl", "Zp"}


def text_check(value: str, *, multiline: bool) -> None:
    """Raise ValidationError if `value` holds characters that its kind of field cannot."""
    for char in value:
        category = unicodedata.category(char)
        if multiline and (category != "Cc" or char in MULTILINE_ALLOWED):
            continue
        if category in LINE_BREAKING:
            raise ValidationError(
                _("Remove the control characters from this text.")
                if multiline
                else _("Write this on one line, without line breaks or control characters."),
                code="control_characters",
            )


def single_line(value: str) -> str:
    """`value` on one line, for places that must never break on a line break (e-mail subjects)."""
    return " ".join("".join(" " if unicodedata.category(c) in LINE_BREAKING else c for c in value).split())


_to_python = forms.CharField.to_python


def _checked_to_python(self, value):
    value = _to_python(self, value)
    if value:
        text_check(value, multiline=isinstance(self.widget, forms.Textarea))
    return value


def form_text_checked() -> None:
    """Make every text form field check its input (called once, when the app is ready)."""
    forms.CharField.to_python = _checked_to_python


# How far ahead a person plans a delivery, a deadline or a quote's validity: a date
# beyond is a typing slip (9999-12-31), not a plan.
PLANNING_YEARS = 3


def planning_horizon() -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year + PLANNING_YEARS, day=min(today.day, 28))


def within_planning_horizon(value) -> None:
    """For dates (or date-times) people plan with: not more than PLANNING_YEARS ahead."""
    if value is None:
        return
    day = timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value
    if day > planning_horizon():
        raise ValidationError(
            _("Choose a date before %(date)s.") % {"date": formats.date_format(planning_horizon())},
            code="beyond_planning_horizon",
        )
