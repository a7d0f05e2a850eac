"""Writes of editorial structure shared by the demo loader and tests."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import CaseStudyIndexPage, HomePage


@transaction.atomic
def site_structure_ensure(*, hero_title: str, hero_text: str = "") -> HomePage:
    """Make sure Wagtail's base records and our home page exist and the default
    site serves it. Wagtail creates its root page, locale, collection and site in
    data migrations; a flushed test database has none, so they are rebuilt here."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))

    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder "Welcome" page holds the slug we want.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                placeholder.delete()
        home = root.add_child(
            instance=HomePage(title="Responsible", slug="home", hero_title=hero_title, hero_text=hero_text)
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Responsible"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Responsible"
        site.save()
    return home


def case_study_index_ensure(*, home: HomePage, title: str, intro: str) -> CaseStudyIndexPage:
    index = CaseStudyIndexPage.objects.child_of(home).filter(slug="stories").first()
    if index is None:
        index = home.add_child(instance=CaseStudyIndexPage(title=title, slug="stories", intro=intro))
    return index
