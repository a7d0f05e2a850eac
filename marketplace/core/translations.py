"""The interface's translation catalogues (locale/<lang>/LC_MESSAGES/django.po).

English is the source. French, German, Dutch and Serbian (Cyrillic, `sr`) are written by
translators; Serbian in Latin script (`sr_Latn`) is never edited: it is made from `sr`
by transliteration at build time (`manage.py translations_build`), so the two scripts
always say the same thing. Serbian's two scripts map letter for letter (Вук Караџић's
alphabet and Gaj's Latin alphabet), which the cyrtranslit package implements."""

import importlib
import re
from copy import deepcopy
from pathlib import Path

import cyrtranslit
import polib
from django.conf import settings

DOMAIN = "django"
# The catalogues people translate; sr_Latn is made from sr.
TRANSLATED = ("fr", "de", "nl", "sr")
SERBIAN_LATIN = "sr_Latn"
# Packages whose pages we show that ship an `sr` catalogue but no `sr_Latn` one: their
# strings go into our Latin catalogue too, or Serbian Latin pages would show them in English
# (Django falls back to English, not to the other script). Oscar's `sr` is written in Latin
# script: to_latin leaves it as it is, and our compiled Cyrillic catalogue gets it in
# Cyrillic (to_cyrillic), or Cyrillic pages would show Oscar's words in Latin.
SERBIAN_ONLY_PACKAGES = ("oscar",)
# Where the strings come from: the project's code and templates, not the tests nor what
# is built or uploaded. File names without line numbers, so a moved line changes nothing.
MAKEMESSAGES_OPTIONS = {
    "add_location": "file",
    "no_obsolete": True,
    "ignore_patterns": ["tmp", "staticfiles", "media", "private-media", "tests", "bench", "node_modules"],
}


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def catalogue_path(locale: str) -> Path:
    return locale_dir() / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


# Љ, Њ and Џ become two letters; in a word written in capitals both are capitals (ЉУБАВ ->
# LJUBAV), where cyrtranslit capitalises only the first (LjUBAV).
_CAPITAL_DIGRAPH = re.compile(r"(Lj|Nj|Dž)(?=[A-ZČĆĐŠŽ])")


def to_latin(text: str) -> str:
    """Serbian Cyrillic to Latin; what is already Latin (placeholders, HTML, names) stays."""
    return _CAPITAL_DIGRAPH.sub(lambda match: match.group(1).upper(), cyrtranslit.to_latin(text, "sr"))


# What stays as written when Latin text becomes Cyrillic: placeholders, HTML tags and
# entities, addresses, and acronyms (CSV, PDF), which Serbian Cyrillic text keeps in Latin.
_NOT_WORDS = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}|<[^>]+>|&[#a-z0-9]+;|\S+://\S+|\b[A-Z]{2,}\b")


def to_cyrillic(text: str) -> str:
    """Serbian Latin to Cyrillic, leaving placeholders, tags and addresses as they are."""
    parts, start = [], 0
    for match in _NOT_WORDS.finditer(text):
        parts += [cyrtranslit.to_cyrillic(text[start : match.start()], "sr"), match.group()]
        start = match.end()
    parts.append(cyrtranslit.to_cyrillic(text[start:], "sr"))
    return "".join(parts)


def transliterated(source: polib.POFile, language: str, script=to_latin) -> polib.POFile:
    """A copy of the Serbian catalogue `source` in the other script (Latin by default)."""
    catalogue = polib.POFile(wrapwidth=source.wrapwidth)
    catalogue.metadata = {**source.metadata, "Language": language}
    catalogue.header = "Generated from the Serbian (Cyrillic) catalogue by `manage.py translations_build`: do not edit."
    for entry in source:
        copy = deepcopy(entry)
        copy.msgstr = script(entry.msgstr)
        copy.msgstr_plural = {index: script(text) for index, text in entry.msgstr_plural.items()}
        catalogue.append(copy)
    return catalogue


def _package_catalogue(package: str, locale: str) -> polib.POFile | None:
    path = Path(importlib.import_module(package).__file__).parent / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    return polib.pofile(str(path)) if path.exists() else None


def with_package_strings(source: polib.POFile, locale: str, script=None) -> polib.POFile:
    """`source` and, after its own entries, the translated entries of the packages'
    catalogues for `locale` that it does not hold (ours win where both translate), their
    translations passed through `script` when given."""
    held = {(entry.msgctxt, entry.msgid) for entry in source}
    for package in SERBIAN_ONLY_PACKAGES:
        for entry in _package_catalogue(package, locale) or []:
            if entry.translated() and (entry.msgctxt, entry.msgid) not in held:
                if script:
                    entry.msgstr = script(entry.msgstr)
                    entry.msgstr_plural = {index: script(text) for index, text in entry.msgstr_plural.items()}
                source.append(entry)
                held.add((entry.msgctxt, entry.msgid))
    return source


def serbian_latin_write() -> Path:
    """Writes the Serbian Latin catalogue from the Cyrillic one (and the packages' Serbian
    strings); returns its path."""
    source = with_package_strings(polib.pofile(str(catalogue_path("sr"))), "sr")
    target = catalogue_path(SERBIAN_LATIN)
    target.parent.mkdir(parents=True, exist_ok=True)
    transliterated(source, language=SERBIAN_LATIN).save(str(target))
    return target


def serbian_cyrillic_compile() -> Path:
    """Compiles the Serbian Cyrillic catalogue with the packages' Serbian strings in Cyrillic
    (see SERBIAN_ONLY_PACKAGES); returns the .mo file's path. The .po stays ours alone."""
    source = with_package_strings(polib.pofile(str(catalogue_path("sr"))), "sr", script=to_cyrillic)
    target = catalogue_path("sr").with_suffix(".mo")
    source.save_as_mofile(str(target))
    return target


# What a translation must keep from its source: Python's named and positional
# placeholders, brace fields (`{count}`) and the HTML tags around words.
_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}|</?[A-Za-z][A-Za-z0-9]*")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def catalogue_problems(catalogue: polib.POFile) -> list[str]:
    """What keeps a catalogue from being complete: entries untranslated, fuzzy, or whose
    translation lost or added a placeholder or an HTML tag. Empty when all is well."""
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        label = entry.msgid if len(entry.msgid) <= 60 else entry.msgid[:57] + "..."
        if entry.fuzzy:
            problems.append(f"fuzzy: {label!r}")
            continue
        if entry.msgid_plural:
            # Every plural form keeps the plural's placeholders: in Serbian the “one” form also
            # says 21 or 31, so the number must stay in it.
            expected, translations = set(placeholders(entry.msgid_plural)), list(entry.msgstr_plural.values())
            kept = [set(placeholders(text)) == expected for text in translations]
        else:
            translations = [entry.msgstr]
            kept = [placeholders(entry.msgstr) == placeholders(entry.msgid)]
        if not translations or not all(translations):
            problems.append(f"untranslated: {label!r}")
        elif not all(kept):
            problems.append(f"placeholders or tags differ: {label!r}")
    return problems
