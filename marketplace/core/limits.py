"""How long the text people write may be, in one place. Long enough for what each field
is for, short enough that a pasted file (a need description of 240,000 characters was
accepted once) or an unbroken string cannot fill pages, e-mails and exports.

Forms show the limit (Django renders `maxlength`, and base.js counts under textareas);
services check it again, as views are not their only callers. A model's TextField
holds `max_length` for its form and `text_limit()` for its own validation (Django
enforces neither on a TextField)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

# One line: the title of a need, the subject of a conversation (Oscar's product title
# is 255, as Oscar made it).
TITLE = 200
# A name people give a list of theirs (a shortlist).
NAME = 120
# A reason in a sentence or two: why a supplier declines, why a need is cancelled.
REASON = 1_000
# A few paragraphs: a question about a need, a supplier's statement of its impact.
NOTE = 2_000
# A message to the other side: in a conversation, with a quote, an answer to a question.
MESSAGE = 5_000
# What a need asks for, what an organisation or a network is; a charter.
DESCRIPTION = 10_000


def text_limit(limit: int) -> MaxLengthValidator:
    """The validator a model's TextField needs to refuse text over `limit` on full_clean()."""
    return MaxLengthValidator(limit)


def length_check(value: str, *, limit: int, field: str) -> None:
    """Raise ValidationError on `field` when `value` is longer than `limit`, with Django's
    own (translated) message, for services that take text without a form."""
    try:
        MaxLengthValidator(limit)(value or "")
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
