"""The interface's catalogues: complete in every language, placeholders kept, in step
with the code, Serbian Latin made from Cyrillic, and pages that read in the visitor's
language."""

import functools
import os
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from cms.services import site_structure_ensure
from marketplace.core import translations
from tests.languages import still_english, strings_of_ours, visible_texts


@functools.cache
def _committed(locale):
    """A catalogue as committed (sr_Latn: as built), read once per test run."""
    return polib.pofile(str(translations.catalogue_path(locale)))


def _catalogue(*entries):
    catalogue = polib.POFile()
    for entry in entries:
        catalogue.append(entry)
    return catalogue


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Социјално предузеће", "Socijalno preduzeće"),
        ("Џеп, ђак, шећер, чачак, ћуприја", "Džep, đak, šećer, čačak, ćuprija"),
        ("Љубав и њива", "Ljubav i njiva"),
        ("ЉУБАВ, ЊЕГОШ, ЏЕП", "LJUBAV, NJEGOŠ, DŽEP"),
        (
            "Поруџбина %(number)s од <strong>%(supplier)s</strong>",
            "Porudžbina %(number)s od <strong>%(supplier)s</strong>",
        ),
        ("ПДВ 20 % · PDF · Stripe", "PDV 20 % · PDF · Stripe"),
    ],
)
def test_serbian_latin_is_the_cyrillic_letter_for_letter(cyrillic, latin):
    assert translations.to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Promeni lozinku", "Промени лозинку"),
        ("Džep, đak, šećer, njiva, ljubav", "Џеп, ђак, шећер, њива, љубав"),
        # Placeholders, tags, entities and addresses are not words: they stay as written.
        ("Dobrodošli, %(name)s! %s {count}", "Добродошли, %(name)s! %s {count}"),
        ("Preuzmi kao CSV ili PDF", "Преузми као CSV или PDF"),
        (
            '<a href="https://example.rs/korpa">Korpa</a>&nbsp;je',
            '<a href="https://example.rs/korpa">Корпа</a>&nbsp;је',
        ),
    ],
)
def test_oscar_s_latin_serbian_becomes_cyrillic_around_what_is_not_words(latin, cyrillic):
    assert translations.to_cyrillic(latin) == cyrillic


def test_the_latin_catalogue_keeps_every_entry_and_plural_form():
    source = _catalogue(
        polib.POEntry(msgid="Basket", msgstr="Корпа", flags=[]),
        polib.POEntry(
            msgid="%(count)s product",
            msgid_plural="%(count)s products",
            msgstr_plural={0: "%(count)s производ", 1: "%(count)s производа", 2: "%(count)s производа"},
            flags=["python-format"],
        ),
    )
    source.metadata = {"Language": "sr", "Plural-Forms": "nplurals=3; plural=0;"}

    latin = translations.transliterated(source, language="sr_Latn")

    assert latin.metadata["Language"] == "sr_Latn"
    assert latin.metadata["Plural-Forms"] == "nplurals=3; plural=0;"
    assert [entry.msgstr for entry in latin] == ["Korpa", ""]
    assert latin[1].msgstr_plural == {0: "%(count)s proizvod", 1: "%(count)s proizvoda", 2: "%(count)s proizvoda"}
    assert latin[1].flags == ["python-format"] and latin[1].msgid == "%(count)s product"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (polib.POEntry(msgid="Basket", msgstr="Panier"), None),
        (polib.POEntry(msgid="Basket", msgstr=""), "untranslated"),
        (polib.POEntry(msgid="Basket", msgstr="Panier", flags=["fuzzy"]), "fuzzy"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Bonjour %(nom)s"), "placeholders"),
        (polib.POEntry(msgid="Hello %(name)s", msgstr="Bonjour"), "placeholders"),
        (polib.POEntry(msgid="Read <a href='x'>more</a>", msgstr="Lire la suite"), "placeholders"),
        (polib.POEntry(msgid="Read <a href='x'>more</a>", msgstr="<a href='x'>Lire la suite</a>"), None),
        (polib.POEntry(msgid="{count} of {limit}", msgstr="{count} sur {limit}"), None),
        (
            polib.POEntry(
                msgid="%(count)s line", msgid_plural="%(count)s lines", msgstr_plural={0: "%(count)s ligne", 1: ""}
            ),
            "untranslated",
        ),
        (
            polib.POEntry(
                msgid="%(count)s line",
                msgid_plural="%(count)s lines",
                msgstr_plural={0: "une ligne", 1: "%(count)s lignes"},
            ),
            "placeholders",
        ),
    ],
)
def test_a_catalogue_problem_is_found(entry, problem):
    problems = translations.catalogue_problems(_catalogue(entry))

    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(problem)


@pytest.mark.parametrize("locale", translations.TRANSLATED)
def test_every_string_is_translated_with_its_placeholders(locale):
    problems = translations.catalogue_problems(_committed(locale))

    assert not problems, f"{len(problems)} problems in locale/{locale}, first: " + "; ".join(problems[:10])


def test_the_catalogues_hold_every_string_of_the_code(tmp_path):
    """A string added to the code without `make messages` (and its translations) fails here."""
    for name in ("manage.py", "marketplace", "catalogue", "cms", "search", "templates"):
        source = settings.BASE_DIR / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "translations_update", "--locale", "fr", "--verbosity", "0"],
        cwd=tmp_path, check=True, env={**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test"},
    )  # fmt: skip
    from_code = {
        (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(tmp_path / "locale/fr/LC_MESSAGES/django.po"))
    }

    for locale in translations.TRANSLATED:
        committed = {(entry.msgctxt, entry.msgid) for entry in _committed(locale)}
        missing = sorted(msgid for _context, msgid in from_code - committed)
        assert not missing, f"locale/{locale} lacks {len(missing)} strings (run `make messages`): {missing[:5]}"


# Pages a first visitor sees, in every language; the visible words of ours must change.
PAGES = ["home", "directory", "sign in", "sign up"]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


@pytest.fixture
def page_urls(db):
    # The home page's title is the editors' content (translated in the CMS), not a string
    # of ours: one that no catalogue holds.
    site_structure_ensure(hero_title="Editors write this title")
    return {
        "home": "/",
        "directory": reverse("organisations:supplier-list"),
        "sign in": reverse("accounts:login"),
        "sign up": reverse("accounts:signup"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_a_page_reads_in_the_visitors_language(client, page_urls, page, language):
    english = client.get(page_urls[page], HTTP_ACCEPT_LANGUAGE="en", follow=True)
    shown = client.get(page_urls[page], HTTP_ACCEPT_LANGUAGE=language, follow=True)

    assert english.status_code == shown.status_code == 200
    assert len(strings_of_ours(english.content.decode())) >= 5, "the page should show strings of ours"
    left = still_english(english.content.decode(), shown.content.decode(), language)
    assert not left, f"{page} in {language} still shows (`make translations` run?): {left[:10]}"


@pytest.mark.parametrize(("language", "words"), [("sr-latn", "Promeni lozinku"), ("sr", "Промени лозинку")])
def test_oscar_s_serbian_strings_reach_serbian_pages_in_their_script(client, user, language, words):
    """Oscar ships `sr` in Latin script and no `sr_Latn`: its words on the profile page come
    from our built catalogues, in the page's script, instead of English or the other script."""
    user.language = language
    user.save()
    client.force_login(user)

    texts = visible_texts(client.get(reverse("customer:profile-view"), follow=True).content.decode())

    assert "Change password" not in texts and "Promeni lozinku" not in texts - {words}
    assert words in texts
