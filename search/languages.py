"""Search in every language content is written in (marketplace.core.content).

- A document holds the text of every language column, so that a word of any of them
  finds it; a text written alike in several languages (a brand, a name left untranslated,
  the Serbian Latin column, which is the Cyrillic one transliterated) counts once.
- The cards the index stores keep their translatable bits in every language
  ({language: text}) and are shown in the reader's language, with the fallbacks of
  reading the model itself (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).
"""

from django.conf import settings
from modeltranslation.utils import resolution_order

from marketplace.core import content
from marketplace.core.translations import to_latin

from .interface import fold


def distinct(texts) -> list[str]:
    """`texts` without the empty ones and those search cannot tell from an earlier one
    (the same once folded: case, accents and Serbian script aside)."""
    seen, kept = set(), []
    for text in texts:
        folded = fold(text) if text else ""
        if folded and folded not in seen:
            seen.add(folded)
            kept.append(text)
    return kept


def every_language(objects, *fields) -> list[str]:
    """The texts of the `fields` of `objects` in every language they are written in, each once."""
    return distinct(text for obj in objects for field in fields for text in content.texts(obj, field).values())


def translations(texts: dict) -> dict:
    """What a card stores of a text written in several languages ({language: text}):
    neither the Serbian Latin text (made from the Cyrillic one when shown) nor a
    language's text that equals the default language's, which is what showing that
    language falls back to."""
    default = texts.get(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    return {
        language: text
        for language, text in texts.items()
        if language != content.SERBIAN_LATIN
        and (language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE or text != default)
    }


def in_language(texts: dict, language: str) -> str:
    """The text of `texts` (as translations() stores it) a reader of `language` sees."""
    for candidate in resolution_order(language):
        if candidate == content.SERBIAN_LATIN and content.SERBIAN_CYRILLIC in texts:
            return to_latin(texts[content.SERBIAN_CYRILLIC])
        if texts.get(candidate):
            return texts[candidate]
    return ""


# What suppliers wrote (a description, a product's title) stays in every language on the
# card: its template shows it with the writer's own language as fallback and says which
# language it is (marketplace.core.content.written).
WRITTEN = {"descriptions", "titles"}


def localised(value, language: str):
    """A stored card (or any part of it) with each {language: text} replaced by the
    text a reader of `language` sees, but for the WRITTEN texts. A card stored before
    cards held several languages has plain texts, which stay as they are."""
    if isinstance(value, dict):
        if set(value) <= set(content.languages()):  # {} too: a text written in no language
            return in_language(value, language)
        return {key: item if key in WRITTEN else localised(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [localised(item, language) for item in value]
    return value
