"""Who may do what: editors write and submit, moderators approve and publish,
neither reaches the shop's dashboard or the organisations' admin, and visitors
never see a draft."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import PageViewRestriction, WorkflowState

from cms.models import CaseStudyPage
from tests.factories import SupplierFactory

from .admin_forms import story_add_url, story_form_data
from .factories import story_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/cms/", "/cms/images/", "/cms/pages/", "/cms/snippets/cms/calltoaction/"])
def test_an_editor_reaches_pages_images_and_snippets(client, editor, home, url):
    client.force_login(editor)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/shop/dashboard/",
        "/shop/dashboard/catalogue/",
        "/shop/dashboard/orders/",
        "/shop/dashboard/partners/",
        "/django-admin/",
        "/django-admin/organisations/supplier/",
        "/django-admin/organisations/buyer/",
        "/cms/users/",
        "/cms/groups/",
    ],
)
def test_an_editor_reaches_neither_commerce_nor_organisations(client, editor, moderator, url):
    for person in (editor, moderator):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code in (302, 403), (person, url, response.status_code)
        if response.status_code == 302:  # to sign in, or (Wagtail) back to the admin's home with a message
            assert "login" in response.url or response.url == "/cms/", (person, url, response.url)


def test_an_editor_submits_a_story_and_a_moderator_approves_it(client, editor, moderator, story_index, supplier):
    other = SupplierFactory(name="Bâti-Réemploi Ettelbruck")
    client.force_login(editor)

    response = client.post(
        story_add_url(story_index),
        story_form_data(title="Reclaimed floors", suppliers=[supplier, other], action="action-submit"),
    )

    assert response.status_code == 302
    story = CaseStudyPage.objects.get(slug="reclaimed-floors")
    assert not story.live
    assert [s.name for s in story.get_latest_revision_as_object().suppliers] == ["Repair Coop", other.name]
    assert client.get(story_index.url).status_code == 200
    client.logout()
    assert client.get("/stories/reclaimed-floors/").status_code == 404  # not before approval

    # The editor may not publish it themselves; the moderator approves.
    assert not story.permissions_for_user(editor).can_publish()
    workflow_state = WorkflowState.objects.for_instance(story).get()
    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(story.pk, "approve", workflow_state.current_task_state.pk),
        ),
        {"comment": "Good story."},
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    client.logout()
    response = client.get("/stories/reclaimed-floors/")
    assertContains(response, "Reclaimed floors")
    assertContains(response, "Bâti-Réemploi Ettelbruck")


def test_an_editor_cannot_publish_directly(client, editor, story_index, supplier):
    client.force_login(editor)

    client.post(
        story_add_url(story_index), story_form_data(title="Not yet", suppliers=[supplier], action="action-publish")
    )

    assert not CaseStudyPage.objects.get(slug="not-yet").live


def test_a_story_chooses_each_supplier_once_and_at_least_one(client, moderator, story_index, supplier):
    client.force_login(moderator)

    twice = client.post(story_add_url(story_index), story_form_data(title="Twice", suppliers=[supplier, supplier]))
    # A draft may be incomplete (Wagtail defers required fields); a published story names its partners.
    none = client.post(story_add_url(story_index), story_form_data(title="None", suppliers=[], action="action-publish"))

    assertContains(twice, "Each social enterprise can be chosen only once.")
    assertContains(none, "Choose at least one social enterprise that took part.")
    assert not CaseStudyPage.objects.filter(slug__in=["twice", "none"]).exists()


def test_a_story_cannot_feature_a_supplier_waiting_for_verification(
    client, moderator, story_index, unverified_supplier
):
    client.force_login(moderator)

    response = client.post(
        story_add_url(story_index), story_form_data(title="Too soon", suppliers=[unverified_supplier])
    )

    assert response.status_code == 200
    assert not CaseStudyPage.objects.filter(slug="too-soon").exists()


class TestVisitorsNeverSeeDrafts:
    def test_a_page_never_published_is_not_found(self, client, story_index, supplier):
        draft = story_create(index=story_index, title="Draft story", suppliers=[supplier], publish=False)

        assert client.get("/stories/draft-story/").status_code == 404
        assertNotContains(client.get(story_index.url), "Draft story")
        assert draft.pk

    def test_unpublished_changes_of_a_live_page_stay_hidden(self, client, story_index, supplier):
        story = story_create(index=story_index, title="Canteen meals", suppliers=[supplier])
        story.summary = "A secret new summary"
        story.save_revision()

        response = client.get(story.url)

        assertContains(response, "How Canteen meals came about.")
        assertNotContains(response, "A secret new summary")

    def test_the_editor_previews_a_draft(self, client, editor, story_index, supplier):
        story = story_create(index=story_index, title="Draft story", suppliers=[supplier], publish=False)
        client.force_login(editor)

        response = client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,)))

        assertContains(response, "Draft story")
        assertContains(response, "Repair Coop")

    def test_a_private_story_is_in_no_listing_feed_sitemap_or_search(self, client, story_index, supplier):
        story = story_create(index=story_index, title="Members only story", suppliers=[supplier])
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")

        for url in (story_index.url, "/stories/feed/", "/sitemap.xml", supplier.get_absolute_url()):
            assertNotContains(client.get(url), "members-only-story")
        assertNotContains(client.get("/search/", {"q": "members"}), "Members only story")
