"""What people write in several languages (taxonomy, supplier profiles, products): the
columns django-modeltranslation adds (`name_fr`, `description_sr_latn`…, named in each
app's `translation.py`) and the rules the library leaves to us.

- Reading `obj.field` gives the active language's text, else the first written in
  settings.MODELTRANSLATION_FALLBACK_LANGUAGES: something is always shown.
- The Serbian Latin column is the transliteration of the Cyrillic one, made on every save,
  so the two scripts never drift (as the interface's sr_Latn catalogue is made from sr).
"""

from functools import cache

from django.conf import settings
from django.db.models.signals import pre_save
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .translations import to_latin

SERBIAN_CYRILLIC = "sr"
SERBIAN_LATIN = "sr-latn"


def languages() -> tuple[str, ...]:
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


@cache
def translated_fields(model) -> tuple[str, ...]:
    """The names of `model`'s fields written in several languages; () when it has none."""
    try:
        return tuple(sorted(translator.get_options_for_model(model).all_fields))
    except NotRegistered:
        return ()


def column(field: str, language: str) -> str:
    """The column holding `field` in `language`: ("name", "sr-latn") -> "name_sr_latn"."""
    return build_localized_fieldname(field, language)


def texts(obj, field: str) -> dict[str, str]:
    """{language: text} of `field` for every language it is written in, in the order of
    settings.LANGUAGES."""
    found = {}
    for language in languages():
        value = getattr(obj, column(field, language), None)
        if value:
            found[language] = value
    return found


def serbian_latin_derive(sender, instance, **kwargs):
    """pre_save: every Serbian Latin column from its Cyrillic one (see the module's docstring)."""
    for field in translated_fields(sender):
        cyrillic = getattr(instance, column(field, SERBIAN_CYRILLIC), None)
        setattr(instance, column(field, SERBIAN_LATIN), to_latin(cyrillic) if cyrillic else cyrillic)


def connect():
    pre_save.connect(serbian_latin_derive, dispatch_uid="content-serbian-latin")
