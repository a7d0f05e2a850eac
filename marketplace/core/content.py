"""What people write in several languages (taxonomy, supplier profiles, products): the
columns django-modeltranslation adds (`name_fr`, `description_sr_latn`…, named in each
app's `translation.py`) and the rules the library leaves to us.

- Reading `obj.field` gives the active language's text, else the first written in
  settings.MODELTRANSLATION_FALLBACK_LANGUAGES: something is always shown.
- The Serbian Latin column is the transliteration of the Cyrillic one, made on every save,
  so the two scripts never drift (as the interface's sr_Latn catalogue is made from sr).
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db.models.signals import pre_save
from django.utils import translation
from django.utils.html import format_html
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .translations import to_latin

SERBIAN_CYRILLIC = "sr"
SERBIAN_LATIN = "sr-latn"
# The languages people write in: Serbian Latin is made from the Cyrillic text, never written.
WRITING_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != SERBIAN_LATIN]
# Languages whose readers write language names in small letters inside a sentence ("rédigé
# en allemand"); Django's names are capitalised as headings ("Allemand").
LOWERCASE_LANGUAGE_NAMES = {"fr"}
# The lang attribute of each column's text (BCP 47: Serbian names its script).
LANG_ATTRIBUTES = {SERBIAN_CYRILLIC: "sr-Cyrl", SERBIAN_LATIN: "sr-Latn"}


def languages() -> tuple[str, ...]:
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


@cache
def translated_fields(model) -> tuple[str, ...]:
    """The names of `model`'s fields written in several languages; () when it has none."""
    try:
        return tuple(sorted(translator.get_options_for_model(model).all_fields))
    except NotRegistered:
        return ()


def serbian_latin_columns(model) -> list[str]:
    """The derived columns, which forms show read-only or not at all."""
    return [column(field, SERBIAN_LATIN) for field in translated_fields(model)]


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


@dataclass(frozen=True)
class Written:
    """A text as one reader sees it, in `language` (a column's language), which is not the
    reader's own when `foreign`: the page then says so and marks it for screen readers."""

    text: str
    language: str
    foreign: bool

    def __str__(self):
        return self.text

    @property
    def lang(self) -> str:
        """The value of the HTML lang attribute of the element holding the text."""
        return LANG_ATTRIBUTES.get(self.language, self.language)

    @property
    def lang_attr(self) -> str:
        """` lang="fr"` for the element holding a text not in the reader's language, else ""."""
        return format_html(' lang="{}"', self.lang) if self.foreign else ""

    @property
    def language_name(self) -> str:
        return language_name(SERBIAN_CYRILLIC if self.language == SERBIAN_LATIN else self.language)


def language_name(language: str) -> str:
    """The language's name as the reader says it inside a sentence ("Written in French")."""
    name = str(translation.get_language_info(language)["name_translated"])
    return name.lower() if translation.get_language() in LOWERCASE_LANGUAGE_NAMES else name


def _candidates(own: str, reader: str) -> list[str]:
    """The languages to show a text in, best first: the reader's, the writer's own (for
    readers of other scripts, Serbian in Latin letters first), then any."""
    latin_first = own == SERBIAN_CYRILLIC and reader != SERBIAN_CYRILLIC
    own_columns = [SERBIAN_LATIN, SERBIAN_CYRILLIC] if latin_first else [own]
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return [reader, *own_columns, *fallbacks.get(reader, fallbacks["default"]), *languages()]


def written_in(texts_by_language: dict[str, str], *, own: str, reader: str | None = None) -> Written | None:
    """Which of `texts_by_language` ({language: text}, as texts() gives) a reader of `reader`
    (the active language by default) sees: theirs when written, else the writer's `own`
    language, else any. None when nothing is written."""
    reader = reader or translation.get_language() or settings.LANGUAGE_CODE
    for language in _candidates(own, reader):
        if texts_by_language.get(language):
            return Written(texts_by_language[language], language, foreign=language != reader)
    return None


def written(obj, field: str, *, own: str = "") -> Written | None:
    """written_in() for `field` of `obj`: a model instance with columns per language, or
    anything with a `texts(field)` method (the cards of search results). The writer's own
    language is `own`, else `obj.language`, else the site's."""
    found = obj.texts(field) if hasattr(obj, "texts") else texts(obj, field)
    own = own or getattr(obj, "language", "") or settings.LANGUAGE_CODE
    return written_in(found, own=own)
