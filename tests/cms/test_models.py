"""Where each page type may be created, and what a story refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CallToAction,
    CaseStudyIndexPage,
    CaseStudyPage,
    HomePage,
    StandardPage,
)

from .factories import story_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model, allowed_parents",
    [
        (HomePage, {Page}),
        (CaseStudyIndexPage, {HomePage}),
        (CaseStudyPage, {CaseStudyIndexPage}),
        (ArticleIndexPage, {HomePage}),
        (ArticlePage, {ArticleIndexPage}),
        (StandardPage, {HomePage, StandardPage}),
    ],
)
def test_each_page_type_has_its_parents(model, allowed_parents):
    assert set(model.allowed_parent_page_models()) == allowed_parents


@pytest.mark.parametrize(
    "model, allowed_children",
    [
        (HomePage, {CaseStudyIndexPage, ArticleIndexPage, StandardPage}),
        (CaseStudyIndexPage, {CaseStudyPage}),
        (CaseStudyPage, set()),
        (ArticleIndexPage, {ArticlePage}),
        (ArticlePage, set()),
        (StandardPage, {StandardPage}),
    ],
)
def test_each_page_type_has_its_children(model, allowed_children):
    assert set(model.allowed_subpage_models()) == allowed_children


def test_the_site_has_one_home_one_story_index_and_one_news_index(home, story_index, news_index):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)
    assert not CaseStudyIndexPage.can_create_at(home)
    assert not ArticleIndexPage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert CaseStudyPage.can_create_at(story_index)
    assert not CaseStudyPage.can_create_at(home)
    assert not ArticlePage.can_create_at(story_index)


def test_a_period_cannot_end_before_it_starts(story_index, supplier):
    story = story_create(index=story_index, title="Canteen meals", suppliers=[supplier])
    story.period_start = datetime.date(2024, 5, 1)
    story.period_end = datetime.date(2024, 4, 30)
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "The end of the period comes before its start." in str(error.value)


def test_a_local_share_is_a_percentage(story_index, supplier):
    story = story_create(index=story_index, title="Canteen meals", suppliers=[supplier])
    story.local_share = 120
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "local_share" in error.value.message_dict


def test_the_meta_description_falls_back_on_the_summary(story_index, supplier):
    story = story_create(index=story_index, title="Canteen meals", suppliers=[supplier], summary="Local <b>food</b>.")
    assert story.get_meta_description() == "Local food."
    story.search_description = "Written for search engines."
    assert story.get_meta_description() == "Written for search engines."


@pytest.mark.parametrize(
    "fields, message",
    [
        ({}, "Link to a page or to an address: one of the two."),
        ({"link_url": "/join/", "link_page_id": 1}, "Link to a page or to an address: one of the two."),
        ({"link_url": "javascript:alert(1)"}, "Start the address with /, https:// or mailto:."),
    ],
)
def test_a_call_to_action_links_to_one_safe_place(fields, message):
    cta = CallToAction(title="Join", button_label="Join", **fields)
    with pytest.raises(ValidationError) as error:
        cta.full_clean()
    assert message in str(error.value)
