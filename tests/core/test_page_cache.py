"""Public pages for anonymous visitors come from the shared cache until the next write
(marketplace/core/page_cache.py), never with another visitor's CSRF token or script nonce,
and never for someone signed in or with a basket."""

import re
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.core import page_cache
from marketplace.core.content_cache import content_version
from tests.factories import SectorFactory, SupplierFactory, UserFactory, goods_for_supplier

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE = re.compile(r'<script nonce="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """A cache every process shares, as in production with REDIS_URL (here the test's in-memory one)."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def supplier():
    return SupplierFactory(name="Table d'Insertion", country="LU")


def test_a_second_anonymous_visit_is_served_whole_from_the_cache(client, supplier, django_assert_num_queries):
    first = client.get(supplier.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(supplier.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assertContains(again, "Table d&#x27;Insertion")
    assert again["Content-Language"] == "en"


def test_a_product_page_keeps_no_history_and_comes_from_the_cache(client, supplier, django_assert_num_queries):
    product = goods_for_supplier(supplier=supplier, title="Honey jar")
    first = client.get(product.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert "oscar_history" not in first.cookies  # no "recently viewed" list is shown: none is kept
    with django_assert_num_queries(0):
        again = client.get(product.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assertContains(again, "Honey jar")


def test_pages_of_views_made_by_partial_functions_are_served_and_not_kept(client):
    """The API's documentation is a functools.partial view, which has no qualified name of its own."""
    for _ in range(2):
        response = client.get("/api/docs")
        assert response.status_code == 200
        assert page_cache.HEADER not in response


def test_a_write_shows_on_the_next_visit(client, supplier):
    client.get(supplier.get_absolute_url())
    supplier.name = "Table Solidaire"
    supplier.save()
    response = client.get(supplier.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assertContains(response, "Table Solidaire")
    assertNotContains(response, "Table d&#x27;Insertion")


def test_signed_in_people_neither_get_nor_leave_a_cached_page(client, supplier):
    member = Client()
    member.force_login(UserFactory())
    signed_in = member.get(supplier.get_absolute_url())
    assert "X-Page-Cache" not in signed_in
    assert client.get(supplier.get_absolute_url())["X-Page-Cache"] == "miss"  # the member's page was not kept

    again = member.get(supplier.get_absolute_url())
    assert "X-Page-Cache" not in again
    assertContains(again, "Sign out")


def test_a_visitor_with_a_basket_or_a_session_gets_a_page_of_their_own(client, supplier):
    client.get(supplier.get_absolute_url())
    with_basket = Client()
    with_basket.cookies[django_settings.OSCAR_BASKET_COOKIE_OPEN] = "1:signature"
    assert "X-Page-Cache" not in with_basket.get(supplier.get_absolute_url())
    with_session = Client()
    with_session.cookies[django_settings.SESSION_COOKIE_NAME] = "a-session"
    assert "X-Page-Cache" not in with_session.get(supplier.get_absolute_url())


def test_each_language_and_each_filter_has_its_own_page(client, supplier, reindex):
    reindex()
    SupplierFactory(name="Repair Coop", country="FR")
    reindex()
    directory = reverse("organisations:supplier-list")
    assert client.get(directory)["X-Page-Cache"] == "miss"
    filtered = client.get(directory + "?country=LU")
    assert filtered["X-Page-Cache"] == "miss"
    assertNotContains(filtered, "Repair Coop")
    assertContains(client.get(directory), "Repair Coop")

    with translation.override("fr"):
        in_french = supplier.get_absolute_url()
    french = client.get(in_french)
    assert french["X-Page-Cache"] == "miss"
    assert '<html lang="fr"' in french.content.decode()
    assert client.get(in_french)["X-Page-Cache"] == "hit"


def test_a_page_from_the_cache_carries_this_visitors_csrf_token(supplier, reindex):
    goods_for_supplier(supplier=supplier, title="Honey jar")
    reindex()
    first_visitor, second_visitor = Client(), Client(enforce_csrf_checks=True)
    assert first_visitor.get(reverse("catalogue:index"))["X-Page-Cache"] == "miss"

    hit = second_visitor.get(reverse("catalogue:index"))

    assert hit["X-Page-Cache"] == "hit"
    assertContains(hit, "Honey jar")
    # The footer's language form works with the token the cached page carries.
    token = TOKEN.search(hit.content.decode()).group(1)
    switched = second_visitor.post(reverse("set_language"), {"language": "fr", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


@pytest.mark.urls("tests.core.page_cache_urls")
def test_a_page_from_the_cache_gets_a_nonce_of_its_own_matching_its_policy(monkeypatch):
    monkeypatch.setattr(page_cache, "PUBLIC_VIEWS", {"tests.core.page_cache_urls.scripted"})
    first = Client().get("/scripted/")
    assert first["X-Page-Cache"] == "miss"

    hit = Client().get("/scripted/")

    assert hit["X-Page-Cache"] == "hit"
    (nonce,) = NONCE.findall(hit.content.decode())
    assert nonce != NONCE.findall(first.content.decode())[0]
    assert f"'nonce-{nonce}'" in hit["Content-Security-Policy"]


def test_a_thumbnail_made_on_a_first_view_keeps_the_pages_but_a_new_image_renews_them(wagtail_site):
    from tests.cms.factories import image_create

    image = image_create()
    before = content_version()
    image.get_rendition("fill-40x40")  # a page showing the image for the first time
    assert content_version() == before
    image.title = "Reclaimed oak parquet"
    image.save()
    assert content_version() != before


def test_the_directorys_results_fragment_and_its_whole_page_are_kept_apart(client, supplier, reindex):
    reindex()
    directory = reverse("organisations:supplier-list") + "?country=LU"
    whole = client.get(directory)
    fragment = client.get(directory, headers={"X-Requested-With": "directory"})
    assert fragment["X-Page-Cache"] == "miss"
    assert "<html" in whole.content.decode() and "<html" not in fragment.content.decode()
    again = client.get(directory)
    assert again["X-Page-Cache"] == "hit"
    assert "<html" in again.content.decode()


def test_a_page_cached_before_the_search_index_caught_up_is_not_kept(client, supplier, reindex):
    """The write renews the pages at once, but its reindex runs later (in the worker):
    a directory stored in between shows the old index until the reindex renews it again."""
    from search.services import suppliers_reindex

    reindex()
    directory = reverse("organisations:supplier-list")
    Supplier = type(supplier)
    Supplier.objects.filter(pk=supplier.pk).update(name="Table Solidaire")  # the write; its reindex has not run
    assertContains(client.get(directory), "Table d&#x27;Insertion")  # stored from the index as it still is
    suppliers_reindex([supplier.pk])
    response = client.get(directory)
    assert response["X-Page-Cache"] == "miss"
    assertContains(response, "Table Solidaire")


def test_a_write_by_queryset_update_shows_on_the_next_visit(client, supplier):
    """Writes are seen where they reach the database: an update() sends no model signal."""
    client.get(supplier.get_absolute_url())
    type(supplier).objects.filter(pk=supplier.pk).update(name="Table Solidaire")
    response = client.get(supplier.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assertContains(response, "Table Solidaire")


def test_a_raw_write_renews_and_a_bookkeeping_write_does_not(supplier):
    from django.contrib.sessions.models import Session
    from django.db import connection

    before = content_version()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date="2030-01-01T00:00:00Z")
    assert content_version() == before  # sessions change no public page
    table = type(supplier)._meta.get_field("city").model._meta.db_table  # the organisation's, it inherits it
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET city = %s WHERE id = %s", ["Esch", supplier.pk])
    assert content_version() != before
    renewed = content_version()
    SectorFactory._meta.model.objects.bulk_create([SectorFactory.build(name="Printing")], ignore_conflicts=True)
    assert content_version() != renewed


def test_a_page_cached_between_a_write_and_its_commit_is_not_kept(client, django_capture_on_commit_callbacks):
    """Another request may cache a page from the data before the commit: the commit renews again.
    Nothing is written before the block (the test's transaction is the one that commits), and the write
    is one no search reindex follows (its commit would renew the version too)."""
    from django.contrib.sites.models import Site

    directory = reverse("organisations:supplier-list")
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.filter(pk=django_settings.SITE_ID).update(name="Responsible Grande Région")
        assert client.get(directory)["X-Page-Cache"] == "miss"
        cached = content_version()
    assert content_version() != cached
    assert client.get(directory)["X-Page-Cache"] == "miss"


# Pages of signed-in people


def _signed_in(user) -> Client:
    person = Client()
    person.force_login(user)
    return person


def _until_kept(person, url):
    """The first visit may set the CSRF cookie, and a page whose response sets a cookie is not kept."""
    for _visit in range(3):
        response = person.get(url)
        if response["X-Page-Cache"] == "hit":
            return response
    raise AssertionError(f"{url} never came from the cache")


@pytest.fixture
def need(buyer, buyer_admin):
    from marketplace.sourcing.models import Need
    from marketplace.sourcing.services import need_create
    from tests.factories import SectorFactory

    return need_create(
        need=Need(
            buyer=buyer,
            title="Reused bricks for a canteen wall",
            description="About 2,000 bricks.",
            country="FR",
            city="Metz",
            quantity=2000,
            unit="bricks",
            deadline=timezone.now() + timedelta(days=7),
        ),
        sectors=[SectorFactory(name="Construction")],
        by=buyer_admin,
    )


def test_a_signed_in_persons_needs_come_from_their_own_cache(need, buyer_admin, django_assert_max_num_queries):
    needs = reverse("sourcing:need-list")
    officer = _signed_in(buyer_admin)
    rendered = officer.get(needs)
    assertContains(rendered, "Reused bricks for a canteen wall")
    with django_assert_max_num_queries(2):  # the session and the person: no page rendered
        kept = _until_kept(officer, needs)
    assertContains(kept, "Reused bricks for a canteen wall")

    stranger = _signed_in(UserFactory(email="someone@elsewhere.example"))
    theirs = stranger.get(needs)
    assert theirs["X-Page-Cache"] == "miss"
    assertNotContains(theirs, "Reused bricks")


def test_a_write_shows_on_the_persons_next_visit_even_by_queryset_update(need, buyer_admin):
    needs = reverse("sourcing:need-list")
    officer = _signed_in(buyer_admin)
    _until_kept(officer, needs)
    type(need).objects.filter(pk=need.pk).update(title="Reclaimed tiles for the canteen floor")
    response = officer.get(needs)
    assert response["X-Page-Cache"] == "miss"
    assertContains(response, "Reclaimed tiles for the canteen floor")


def test_another_session_of_the_same_person_gets_a_page_of_its_own(need, buyer_admin):
    needs = reverse("sourcing:need-list")
    _until_kept(_signed_in(buyer_admin), needs)
    assert _signed_in(buyer_admin).get(needs)["X-Page-Cache"] == "miss"


def test_a_message_waiting_is_shown_on_a_rendered_page(need, buyer_admin):
    needs = reverse("sourcing:need-list")
    officer = _signed_in(buyer_admin)
    _until_kept(officer, needs)
    # What a view that saved something leaves for the next page: a message in its cookie.
    storage, redirect = CookieStorage(RequestFactory().get(needs)), HttpResponse()
    storage.add(constants.SUCCESS, "Your need was published.")
    storage.update(redirect)
    officer.cookies[CookieStorage.cookie_name] = redirect.cookies[CookieStorage.cookie_name].value
    response = officer.get(needs)
    assert "X-Page-Cache" not in response
    assertContains(response, "Your need was published.")
    assert officer.get(needs)["X-Page-Cache"] == "hit"  # shown once; the page kept before is good again
