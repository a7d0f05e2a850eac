"""Pages in the visitor's language: English unprefixed, translations under /fr/, /de/…,
the English page with a notice until a page is translated, Serbian Latin read from the
Cyrillic pages, and an editor translating a story with wagtail-localize."""

import importlib
import re
from urllib.parse import urlencode

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, Translation

from cms import selectors
from cms.models import CallToAction, CaseStudyPage
from tests.cms.factories import page_translate, story_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def titles(response, css_class="card-title"):
    return re.findall(rf'class="h5 {css_class}"[^>]*><a[^>]*>([^<]+)</a>', response.content.decode())


@pytest.fixture
def story(story_index):
    return story_create(index=story_index, title="Refurbished laptops for three hundred employees", slug="laptops")


@pytest.fixture
def french_story(home, story_index, story):
    page_translate(home, "fr", hero_title="Achetez auprès d'entreprises sociales")
    page_translate(story_index, "fr", title="Récits de coopération")
    return page_translate(story, "fr", title="Des ordinateurs portables reconditionnés pour trois cents salariés")


def test_every_content_language_has_a_locale_after_migrating(settings):
    # The migration's own function, run here: a live-server test elsewhere flushes the
    # tables, so what the migration wrote may be gone by the time this test runs.
    migration = importlib.import_module("cms.migrations.0003_content_locales")
    migration.locales_create(django_apps, schema_editor=None)

    content_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert (
        set(Locale.objects.values_list("language_code", flat=True))
        >= content_languages
        == {"en", "fr", "de", "nl", "sr"}
    )


def test_a_french_visitor_reads_the_french_story_under_fr(client, french_story):
    response = client.get("/fr/stories/laptops/")

    assert response.status_code == 200
    assert "Des ordinateurs portables reconditionnés pour trois cents salariés" in response.content.decode()
    assert "translation-notice" not in response.content.decode()
    # English visitors still read the English story, unprefixed.
    assert "Refurbished laptops" in client.get("/stories/laptops/").content.decode()


def test_a_page_not_yet_in_german_is_served_in_english_with_a_notice(client, story):
    response = client.get("/de/stories/laptops/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Diese Seite ist noch nicht auf Deutsch verfügbar" in html
    assert re.search(r'<h1 lang="en">Refurbished laptops for three hundred employees</h1>', html)


def test_the_french_index_lists_each_story_once_in_french_when_translated(client, story_index, french_story):
    story_create(index=story_index, title="Workwear sewn in Vojvodina", slug="workwear")

    response = client.get("/fr/stories/")

    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Des ordinateurs portables reconditionnés pour trois cents salariés",
        "Workwear sewn in Vojvodina",
    ]
    # The English story links to its place under /fr/, in the visitor's language.
    assert 'href="/fr/stories/workwear/"' in response.content.decode()
    assert sorted(titles(client.get("/stories/"))) == [
        "Refurbished laptops for three hundred employees",
        "Workwear sewn in Vojvodina",
    ]


def test_the_home_page_features_the_visitors_translation_of_a_story(client, home, french_story, story):
    home.featured_stories.create(story=story)

    response = client.get("/fr/")

    assert titles(response) == ["Des ordinateurs portables reconditionnés pour trois cents salariés"]
    assert 'href="/fr/stories/"' in response.content.decode()


def test_serbian_latin_readers_read_the_cyrillic_story_in_latin_script(client, home, story_index, story):
    page_translate(home, "sr", hero_title="Купујте од социјалних предузећа")
    page_translate(story_index, "sr", title="Приче о сарадњи")
    page_translate(story, "sr", title="Обновљени лаптопови за триста запослених", summary="Уместо да купује нове.")

    latin = client.get("/sr-latn/stories/laptops/").content.decode()
    cyrillic = client.get("/sr/stories/laptops/").content.decode()

    assert "<h1>Obnovljeni laptopovi za trista zaposlenih</h1>" in latin
    assert "Umesto da kupuje nove." in latin
    assert "<h1>Обновљени лаптопови за триста запослених</h1>" in cyrillic


def test_the_serbian_latin_feed_reads_in_latin_script(client, home, story_index, story):
    page_translate(home, "sr", hero_title="Купујте од социјалних предузећа")
    page_translate(story_index, "sr", title="Приче о сарадњи", intro="Како фирме раде са социјалним предузећима.")
    page_translate(story, "sr", title="Обновљени лаптопови за триста запослених", summary="Уместо да купује нове.")

    latin = client.get("/sr-latn/stories/feed/")
    cyrillic = client.get("/sr/stories/feed/").content.decode()

    assert latin.status_code == 200
    feed = latin.content.decode()
    assert "<language>sr-latn</language>" in feed
    assert "<title>Priče o saradnji – " in feed and "Kako firme rade sa socijalnim preduzećima." in feed
    assert "<title>Obnovljeni laptopovi za trista zaposlenih</title>" in feed and "Umesto da kupuje nove." in feed
    assert not re.search("[А-Яа-яЂђЈјЉљЊњЋћЏџ]", feed)
    assert "<title>Обновљени лаптопови за триста запослених</title>" in cyrillic


def test_translations_of_a_page_for_hreflang_alternates(french_story, story):
    urls = selectors.page_translations(story)

    assert urls == {"en": "http://testserver/stories/laptops/", "fr": "http://testserver/fr/stories/laptops/"}


def test_a_page_names_only_its_real_translations_to_search_engines(client, french_story, story):
    html = client.get("/fr/stories/laptops/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/stories/laptops/",
        "fr": "http://testserver/fr/stories/laptops/",
        "x-default": "http://testserver/stories/laptops/",
    }
    assert 'name="robots" content="noindex"' not in html
    # The English page under the German prefix, for want of a translation, is not indexed.
    assert '<meta name="robots" content="noindex">' in client.get("/de/stories/laptops/").content.decode()


def test_the_sitemap_lists_each_translation_under_its_own_address(client, french_story):
    xml = client.get(reverse("sitemap")).content.decode()

    assert "/stories/laptops/</loc>" in xml
    assert "/fr/stories/laptops/</loc>" in xml


def test_an_editor_translates_a_story_with_wagtail_localize_and_publishes_it(
    client, story, django_capture_on_commit_callbacks
):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    french = Locale.objects.get(language_code="fr")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]), {"locales": [french.pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=french)
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        urlencode({"value": "Des ordinateurs portables reconditionnés"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    french_page = story.get_translation(french)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once committed
        response = client.post(reverse("wagtailadmin_pages:edit", args=[french_page.pk]), {"action": "publish"})
    assert response.status_code == 302

    client.logout()
    response = client.get("/fr/stories/laptops/")
    assert response.status_code == 200
    assert "<h1>Des ordinateurs portables reconditionnés</h1>" in response.content.decode()
    assert CaseStudyPage.objects.live().filter(locale=french).count() == 1


def test_the_admin_offers_to_translate_a_page_and_manages_locales(client, story):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    assert editor.status_code == 200
    assert reverse("wagtail_localize:submit_page_translation", args=[story.pk]) in editor.content.decode()
    assert client.get(reverse("wagtaillocales:index")).status_code == 200


def test_a_call_to_action_reads_in_the_readers_language_and_links_there(client, home, story_index):
    cta = CallToAction.objects.create(
        title="Are you a social enterprise?", button_label="Register", link_url="/join/social-enterprise/"
    )
    french = cta.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title, french.button_label = "Vous êtes une entreprise sociale ?", "Inscrivez-vous"
    french.save()
    story_create(
        index=story_index,
        title="Laptops",
        slug="laptops",
        body=[("paragraph", RichText("<p>What changed.</p>")), ("call_to_action", {"call_to_action": cta})],
    )

    page = client.get("/fr/stories/laptops/").content.decode()  # the English story, for want of a translation
    assert "Vous êtes une entreprise sociale ?" in page
    assert '<a class="btn btn-primary" href="/fr/join/social-enterprise/">Inscrivez-vous</a>' in page
    # A language it is not translated into reads the English one.
    assert "Are you a social enterprise?" in client.get("/nl/stories/laptops/").content.decode()
