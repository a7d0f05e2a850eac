"""Writes of editorial structure shared by the demo loader and tests: the site and
its sections, and the editorial roles with their moderation workflow."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import ArticleIndexPage, CaseStudyIndexPage, HomePage

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW = "Moderators approval"

# Editors write pages, images, documents and calls to action; moderators also publish.
# Neither role gets anything of the shop (Oscar's dashboard needs staff or a supplier
# membership) or of organisations (the Django admin needs staff).
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("cms", "add_calltoaction"),
    ("cms", "change_calltoaction"),
]
MODERATOR_PERMISSIONS = EDITOR_PERMISSIONS + [("cms", "delete_calltoaction")]
# Images and documents are granted per collection (Wagtail ignores model rights for them): on the root one.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]


@transaction.atomic
def site_structure_ensure(*, hero_title: str, hero_text: str = "") -> HomePage:
    """Make sure Wagtail's base records and our home page exist and the default
    site serves it. Wagtail creates its root page, locale, collection and site in
    data migrations (ours the locale of each content language); a flushed test database
    has none, so they are rebuilt here."""
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
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
    if site is None or site.root_page_id != home.pk:
        # The first time the site serves our home page, it takes its address from SITE_URL,
        # which sitemaps, feeds and shared links use.
        address = urlsplit(settings.SITE_URL)
        site = site or Site(is_default_site=True)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def case_study_index_ensure(*, home: HomePage, title: str, intro: str) -> CaseStudyIndexPage:
    index = CaseStudyIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=CaseStudyIndexPage(title=title, slug="stories", intro=intro))
    return index


def article_index_ensure(*, home: HomePage, title: str, intro: str) -> ArticleIndexPage:
    index = ArticleIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=ArticleIndexPage(title=title, slug="news", intro=intro))
    return index


@transaction.atomic
def editorial_roles_ensure() -> dict[str, Group]:
    """The Editors and Moderators groups with their rights, and the workflow in which
    an editor submits a page and a moderator approves (publishes) it or asks for changes.
    Wagtail's migrations create the groups and the workflow; this tops up their rights
    (our snippets) and rebuilds them in a flushed test database. Safe to run again."""
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    if root is None or collection is None:
        raise LookupError("Wagtail's root page or collection is missing: call site_structure_ensure first.")
    groups = {}
    for name, permissions, collection_permissions, page_permissions in (
        (EDITORS, EDITOR_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS, EDITOR_PAGE_PERMISSIONS),
        (MODERATORS, MODERATOR_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS, MODERATOR_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(permissions))
        for permission in _permissions(collection_permissions):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
        for permission in _permissions([("wagtailcore", codename) for codename in page_permissions]):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        groups[name] = group

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        task = GroupApprovalTask.objects.create(name=WORKFLOW, active=True)
        task.groups.set([groups[MODERATORS]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    return groups


def _permissions(pairs):
    wanted = set(pairs)
    found = [
        permission
        for permission in Permission.objects.filter(codename__in={codename for _, codename in pairs}).select_related(
            "content_type"
        )
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    if len(found) != len(wanted):
        missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
        raise LookupError(f"Permissions missing (are the migrations applied?): {sorted(missing)}")
    return found
