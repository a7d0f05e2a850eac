"""Shared fixtures: people in each role, organisations with their members, and
the Wagtail site that every page path (and the browser tests) needs."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from cms.services import site_structure_ensure
from tests import factories, template_db
from tests.factories import (
    PASSWORD,
    BuyerFactory,
    MembershipFactory,
    SupplierFactory,
    UserFactory,
)
from tests.languages import languages_rendered  # noqa: F401  (a fixture, for every test module)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """Each test database a copy of a migrated template (tests/template_db.py), not migrated anew."""
    request.config.test_databases_copied = not (
        request.config.getvalue("nomigrations") or request.config.getvalue("reuse_db")
    ) and template_db.prepare(settings.DATABASES)


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """A SQLite copy is used as it is: creating it would delete the file and migrate again."""
    return request.config.getvalue("reuse_db") or request.config.test_databases_copied


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    """A signed-up person who belongs to no organisation."""
    return UserFactory(email="outsider@example.org", first_name="Otto", last_name="Outsider")


@pytest.fixture
def staff_user(db):
    return UserFactory(email="staff@responsible.example", first_name="Sam", last_name="Staff", staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@responsible.example", first_name="Ruth", last_name="Root", superuser=True)


@pytest.fixture
def supplier_admin(db):
    return UserFactory(email="ada@repair-coop.example", first_name="Ada", last_name="Admin")


@pytest.fixture
def supplier(supplier_admin):
    """A verified social enterprise whose administrator is `supplier_admin`."""
    return SupplierFactory(name="Repair Coop", created_by=supplier_admin)


@pytest.fixture
def supplier_member(supplier):
    """A plain (non-administrator) member of `supplier`."""
    member = UserFactory(email="max@repair-coop.example", first_name="Max", last_name="Member")
    MembershipFactory(user=member, organisation=supplier)
    return member


@pytest.fixture
def unverified_supplier(db):
    """A social enterprise waiting for verification, with its own administrator."""
    return SupplierFactory(name="Fresh Start Bakery", unverified=True)


@pytest.fixture
def buyer_admin(db):
    return UserFactory(email="bea@buying-firm.example", first_name="Bea", last_name="Buyer")


@pytest.fixture
def buyer(buyer_admin):
    """A buying firm whose administrator is `buyer_admin`, in France as the factories'
    suppliers are: their sales to it carry French VAT (partner/vat_rules.py)."""
    return BuyerFactory(name="Acme Procurement", country="FR", vat_id="FR11123456782", created_by=buyer_admin)


@pytest.fixture
def buyer_member(buyer):
    member = UserFactory(email="paul@buying-firm.example", first_name="Paul", last_name="Purchaser")
    MembershipFactory(user=member, organisation=buyer)
    return member


@pytest.fixture
def wagtail_site(db):
    """The default Wagtail site, serving our home page. Normal `db` tests get Wagtail's
    records from the migrations; TransactionTestCase-style and live-server tests flush
    them away, so they are rebuilt here (by the same service the demo loader uses)."""
    home = site_structure_ensure(hero_title="Buy from social enterprises")
    return Site.objects.select_related("root_page").get(is_default_site=True, root_page=home)


@pytest.fixture
def product_classes(db):
    """Goods and Service with their attributes and options, as a data migration
    made them (a flushed database lacks them). slug -> product class."""
    return factories.product_classes()


@pytest.fixture
def reindex(db):
    """Rebuild the search index from the test database. In production the index
    follows each commit; test transactions never commit, so tests call this."""
    from search.services import index_rebuild

    return index_rebuild


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as the database starts empty: a value
    cached by one test (facet labels, say) must not leak into the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language: a page read in French by one test leaves
    French active in this thread, and every address the next test reverses would be French."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post with what waits for the commit (e-mails) done, as after a real request."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post
