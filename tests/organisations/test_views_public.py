"""The public pages: the supplier directory, a supplier's profile, and networks."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Collection, Locale, Page, Site

from marketplace.organisations import services
from tests.factories import (
    ImpactAreaFactory,
    LabelFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkPartnerFactory,
    ProductFactory,
    RegionFactory,
    SectorFactory,
    StockRecord,
    SupplierFactory,
    product_for_supplier,
)

pytestmark = pytest.mark.django_db

SUPPLIER_LIST = reverse("organisations:supplier-list")
NETWORK_LIST = reverse("organisations:network-list")
WAITING_NOTICE = "This profile is waiting for verification by an operator."


FOUR_COUNTRIES = {"Luxembourg", "France", "Germany", "Belgium"}


def countries_shown(response, css_class, separator, after):
    """The country names in the first paragraph of that class following `after` (in any order)."""
    html = response.content.decode()
    html = html[html.index(after) :]
    match = re.search(rf'<p class="{css_class}">\s*(.*?)\s*(?:·\s*\d|\s*</p>)', html, re.S)
    return {name.strip() for name in match.group(1).split(separator)}


def card_count(response):
    return response.content.decode().count('class="card supplier-card')


class TestSupplierList:
    def test_only_verified_suppliers_are_listed(self, client, supplier, unverified_supplier, reindex):
        reindex()
        response = client.get(SUPPLIER_LIST)

        assertContains(response, "Repair Coop")
        assertNotContains(response, "Fresh Start Bakery")
        assertContains(response, "1 social enterprise")

    def test_a_card_shows_sectors_and_impact(self, client, reindex):
        SupplierFactory(
            name="Green Cleaners",
            sectors=[SectorFactory(name="Cleaning")],
            impact_areas=[ImpactAreaFactory(name="Work integration")],
        )
        reindex()

        response = client.get(SUPPLIER_LIST)

        assertContains(response, "Green Cleaners")
        assertContains(response, '<li class="tag">Cleaning</li>', html=True)
        assertContains(response, '<li class="tag tag-impact">Work integration</li>', html=True)

    def test_an_empty_directory_says_so(self, client, unverified_supplier, reindex):
        reindex()
        response = client.get(SUPPLIER_LIST)

        assertContains(response, "No social enterprise has been verified yet.")

    def test_the_list_is_paginated_by_24(self, client, reindex):
        region = RegionFactory()
        sector = SectorFactory()
        for number in range(25):
            SupplierFactory(name=f"Enterprise {number:02d}", region=region, sectors=[sector])
        reindex()

        first = client.get(SUPPLIER_LIST)
        second = client.get(SUPPLIER_LIST, {"page": 2})

        assert card_count(first) == 24
        assertContains(first, "25 social enterprises")
        assertContains(first, "Page 1 of 2")
        assertContains(first, "Enterprise 23")
        assertNotContains(first, "Enterprise 24")
        assert card_count(second) == 1
        assertContains(second, "Enterprise 24")
        assertContains(second, "Page 2 of 2")


@pytest.fixture
def rich_supplier(supplier_admin):
    """A verified supplier with everything a profile can show."""
    food = SectorFactory(name="Food")
    grande_region = NetworkFactory(name="SSE Cluster Grande Région", slug="sse-grande-region")
    impact_noord = NetworkFactory(name="Impact Noord", slug="impact-noord")
    lorraine = RegionFactory(country="FR", name="Lorraine")
    supplier = SupplierFactory(
        name="Repair Coop",
        created_by=supplier_admin,
        legal_form="work_integration",
        country="FR",
        region=lorraine,
        founded_year=2004,
        description="We repair and sell second-hand furniture.",
        impact_statement="Forty people a year find a lasting job after working with us.",
        employees=20,
        employees_vulnerable=12,
        vulnerable_groups="long-term unemployed people",
        contact_name="Claire Contact",
        email="hello@repair-coop.example",
        phone="+33 3 87 00 00 00",
        website="https://repair-coop.example",
        street_address="1 rue des Ateliers",
        postcode="57000",
        city="Metz",
        sectors=[SectorFactory(name="Local food distribution", parent=food), SectorFactory(name="Furniture")],
        impact_areas=[ImpactAreaFactory(name="Circular economy and reuse")],
        labels=[LabelFactory(name="ESUS")],
        served_regions=[lorraine],
        served_countries=["LU"],
    )
    NetworkMembershipFactory(network=grande_region, supplier=supplier, signed=True)
    NetworkMembershipFactory(network=impact_noord, supplier=supplier)
    return supplier


class TestSupplierProfile:
    def test_the_profile_shows_who_the_supplier_is(self, client, rich_supplier):
        response = client.get(rich_supplier.get_absolute_url())

        assertContains(response, "<h1>Repair Coop", count=1)
        assertContains(response, '<span class="badge badge-verified">', count=1)
        assertContains(response, "Work-integration enterprise")
        assertContains(response, "Lorraine, France")
        assertContains(response, "since 2004")
        assertContains(response, "We repair and sell second-hand furniture.")
        assertNotContains(response, WAITING_NOTICE)

    def test_the_profile_shows_sectors_and_impact(self, client, rich_supplier):
        response = client.get(rich_supplier.get_absolute_url())

        assertContains(response, "<li>Food › Local food distribution</li>", html=True)
        assertContains(response, "<li>Furniture</li>", html=True)
        assertContains(response, "Circular economy and reuse")
        assertContains(response, "Forty people a year find a lasting job after working with us.")
        assertContains(response, "12 of 20 employees come from vulnerable groups")
        assertContains(response, "<strong>(60 %)</strong>", html=True)
        assertContains(response, "Who we employ: long-term unemployed people")

    def test_an_unknown_vulnerable_count_is_not_shown_as_zero(self, client):
        supplier = SupplierFactory(employees=20, employees_vulnerable=None)

        response = client.get(supplier.get_absolute_url())

        assertNotContains(response, "0 of 20 employees come from vulnerable groups")
        assertContains(response, "20 employees")

    def test_the_profile_shows_networks_labels_and_charters(self, client, rich_supplier):
        response = client.get(rich_supplier.get_absolute_url())

        assertContains(response, '<a href="/networks/sse-grande-region/">SSE Cluster Grande Région</a>', html=True)
        assertContains(response, '<a href="/networks/impact-noord/">Impact Noord</a>', html=True)
        assertContains(response, "ESUS")
        assertContains(response, "Signed charter v1 of SSE Cluster Grande Région on")
        assertNotContains(response, "Signed charter v1 of Impact Noord")

    def test_the_profile_shows_the_area_served_and_contacts(self, client, rich_supplier):
        response = client.get(rich_supplier.get_absolute_url())

        assertContains(response, "<li>all of Luxembourg</li>", html=True)
        assertContains(response, "<li>Lorraine (FR)</li>", html=True)
        assertContains(response, "Claire Contact")
        assertContains(response, '<a href="mailto:hello@repair-coop.example">hello@repair-coop.example</a>', html=True)
        assertContains(response, "+33 3 87 00 00 00")
        assertContains(response, "https://repair-coop.example")
        assertContains(response, "1 rue des Ateliers")

    def test_a_profile_without_labels_or_charters_says_so(self, client, supplier):
        response = client.get(supplier.get_absolute_url())

        assertContains(response, "None yet")

    def test_the_profile_lists_the_suppliers_products_with_price_and_link(self, client, rich_supplier):
        stool = product_for_supplier(supplier=rich_supplier, title="Oak stool", price=Decimal("45.00"))
        product_for_supplier(supplier=rich_supplier, title="Draft chair", is_public=False)
        product_for_supplier(supplier=SupplierFactory(), title="Someone else's table")

        response = client.get(rich_supplier.get_absolute_url())

        assertContains(response, f'<a href="{stool.get_absolute_url()}">Oak stool</a>', html=True)
        assertContains(response, "€45.00</strong> excl. VAT")
        assertContains(response, "incl. VAT")  # at the supplier's country's rate
        assertNotContains(response, "Draft chair")
        assertNotContains(response, "Someone else")
        assertNotContains(response, "has not listed goods or services")

    def test_a_product_sold_in_variants_is_listed_once_from_its_lowest_price(self, client, supplier):
        shirt = ProductFactory(title="Organic T-shirt", structure="parent")
        for size, price in (("S", 18), ("M", 20)):
            variant = ProductFactory(title="", structure="child", parent=shirt, product_class=None)
            StockRecord.objects.create(
                product=variant, partner=supplier.partner, partner_sku=f"TS-{size}", price_currency="EUR", price=price
            )

        response = client.get(supplier.get_absolute_url())

        assertContains(response, f'<a href="{shirt.get_absolute_url()}">Organic T-shirt</a>', count=1, html=True)
        assertContains(response, "€18.00")
        assertNotContains(response, "€20.00")
        assertNotContains(response, '"></a>')

    def test_a_supplier_without_products_invites_direct_contact(self, client, supplier):
        response = client.get(supplier.get_absolute_url())

        assertContains(response, "This social enterprise has not listed goods or services in the shop yet.")

    def test_an_unknown_address_is_not_found(self, client):
        assert client.get(reverse("organisations:supplier-detail", kwargs={"slug": "nobody"})).status_code == 404

    def test_visitors_see_no_edit_buttons(self, client, supplier):
        response = client.get(supplier.get_absolute_url())

        assertNotContains(response, "Edit profile")

    def test_members_see_edit_buttons(self, client, supplier, supplier_member):
        client.force_login(supplier_member)

        response = client.get(supplier.get_absolute_url())

        assertContains(response, reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug}))
        assertContains(response, "Edit profile")


class TestUnverifiedProfile:
    def test_an_anonymous_visitor_gets_not_found(self, client, unverified_supplier):
        assert client.get(unverified_supplier.get_absolute_url()).status_code == 404

    def test_another_user_gets_not_found(self, client, unverified_supplier, supplier_admin):
        client.force_login(supplier_admin)  # administrator of another supplier

        assert client.get(unverified_supplier.get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("role", ["admin", "member"])
    def test_its_members_see_it_with_the_waiting_notice(self, client, unverified_supplier, role):
        if role == "admin":
            viewer = unverified_supplier.memberships.get().user
        else:
            viewer = MembershipFactory(organisation=unverified_supplier).user
        client.force_login(viewer)

        response = client.get(unverified_supplier.get_absolute_url())

        assertContains(response, "Fresh Start Bakery")
        assertContains(response, WAITING_NOTICE)
        assertNotContains(response, "badge-verified")

    def test_operators_see_it_with_the_waiting_notice(self, client, unverified_supplier, staff_user):
        client.force_login(staff_user)

        response = client.get(unverified_supplier.get_absolute_url())

        assertContains(response, WAITING_NOTICE)

    def test_a_withdrawn_verification_hides_the_profile_again(
        self, client, supplier, staff_user, reindex, django_capture_on_commit_callbacks
    ):
        reindex()
        assertContains(client.get(SUPPLIER_LIST), "Repair Coop")

        with django_capture_on_commit_callbacks(execute=True):
            services.supplier_unverify(supplier=supplier, by=staff_user)

        assert client.get(supplier.get_absolute_url()).status_code == 404
        assertNotContains(client.get(SUPPLIER_LIST), "Repair Coop")


class TestProfileQueryBudget:
    """The profile page must cost the same number of queries whatever a supplier shows."""

    # Measured for an anonymous visitor: 1 supplier with region and shop partner; 6 prefetches
    # (sectors with parents, impact areas, labels, photos, network memberships with networks,
    # served areas with regions); 5 for products (products with class, their stock records,
    # their variants, images, their VAT rate overrides); 2 for case studies (Wagtail's view-restriction lookup for
    # .public(), then the pages), and 2 for the reader's and the source's Wagtail locales (the
    # stories in the reader's language), 1 for the verified legal statuses (deductions' badges),
    # 2 for the charter signatures that count (the networks' published versions, the signatures),
    # and 3 for verified claims: the workforce figures shown as verified, and the legal statuses
    # and workforce that decide the reserved-contract badge.
    # Products sold in variants add one: the variants' stock records.
    BUDGET = 22
    BUDGET_WITH_VARIANTS = BUDGET + 1

    def build(self, size):
        supplier = SupplierFactory(
            sectors=[SectorFactory(sub=True) for _ in range(size)],
            labels=[LabelFactory() for _ in range(size)],
            impact_areas=[ImpactAreaFactory() for _ in range(size)],
            served_regions=[RegionFactory() for _ in range(size)],
        )
        for _ in range(size):
            NetworkMembershipFactory(supplier=supplier, signed=True)
            product_for_supplier(supplier=supplier)
        return supplier

    def render(self, client, supplier, django_assert_max_num_queries, budget=BUDGET):
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(supplier.get_absolute_url())
        assert response.status_code == 200
        return response, len(captured)

    def test_the_profile_costs_the_same_for_1_or_20_of_everything(self, client, django_assert_max_num_queries):
        small, large = self.build(1), self.build(20)

        small_response, small_count = self.render(client, small, django_assert_max_num_queries)
        large_response, large_count = self.render(client, large, django_assert_max_num_queries)

        assert small_count == large_count
        # The large profile really shows its twenty of each.
        html = large_response.content.decode()
        assert html.count('class="product-row"') == 20
        assert html.count("Signed charter v1 of") == 20
        assert small_response.content.decode().count('class="product-row"') == 1

    def add_products_in_variants(self, supplier, count):
        for _ in range(count):
            parent = ProductFactory(structure="parent")
            for size in ("S", "M", "L"):
                variant = ProductFactory(title="", structure="child", parent=parent, product_class=None)
                StockRecord.objects.create(
                    product=variant, partner=supplier.partner, partner_sku=f"{variant.pk}-{size}", price=10
                )

    def test_products_in_variants_cost_the_same_for_1_or_20(self, client, django_assert_max_num_queries):
        small, large = self.build(1), self.build(20)
        self.add_products_in_variants(small, 1)
        self.add_products_in_variants(large, 20)

        small_response, small_count = self.render(
            client, small, django_assert_max_num_queries, budget=self.BUDGET_WITH_VARIANTS
        )
        large_response, large_count = self.render(
            client, large, django_assert_max_num_queries, budget=self.BUDGET_WITH_VARIANTS
        )

        assert small_count == large_count
        assert large_response.content.decode().count('class="product-row"') == 40
        assert small_response.content.decode().count('class="product-row"') == 2


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


class TestListQueries:
    """The directory and a network page cost the same number of queries for few or many suppliers."""

    def many_suppliers(self, count, network):
        for _ in range(count):
            supplier = SupplierFactory(
                sectors=[SectorFactory(sub=True), SectorFactory(sub=True)],
                impact_areas=[ImpactAreaFactory()],
                labels=[LabelFactory()],
            )
            NetworkMembershipFactory(network=network, supplier=supplier, signed=True)
            NetworkPartnerFactory(network=network)

    def test_the_directory_and_network_pages_do_not_query_per_supplier(self, client, reindex):
        small, large = NetworkFactory(), NetworkFactory()
        self.many_suppliers(2, small)
        reindex()
        client.get(SUPPLIER_LIST)  # the index loaded in memory, as for every visitor but the first after a rebuild
        first_page = count_queries(client, SUPPLIER_LIST)
        small_network = count_queries(client, small.get_absolute_url())

        self.many_suppliers(22, large)
        reindex()
        client.get(SUPPLIER_LIST)

        assert count_queries(client, SUPPLIER_LIST) == first_page
        assert count_queries(client, large.get_absolute_url()) == small_network


class TestNetworks:
    @pytest.fixture
    def network(self):
        network = NetworkFactory(
            name="SSE Cluster Grande Région",
            tagline="The social economy across four borders",
            countries=["LU", "FR", "DE", "BE"],
            charter_title="Charter of the Grande Région",
            charter="We reinvest our surplus in jobs.",
        )
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Alpha Bakers"), signed=True)
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Zinc Roofers"))
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Hidden Weavers", unverified=True))
        NetworkPartnerFactory(network=network, name="Banque Solidaire", kind="bank", country="LU")
        NetworkPartnerFactory(network=network, name="Université de la Grande Région", kind="university", country="")
        return network

    def test_the_list_shows_each_network_with_countries_and_verified_members(self, client, network):
        NetworkFactory(name="Impact Noord", countries=["NL"])

        response = client.get(NETWORK_LIST)

        assertContains(response, f'href="{network.get_absolute_url()}"')
        assertContains(response, "The social economy across four borders")
        assert countries_shown(response, "card-text small text-muted", ", ", after=network.name) == FOUR_COUNTRIES
        assertContains(response, "2 members")
        assertContains(response, "Impact Noord")
        assertContains(response, "0 members")

    def test_an_empty_list_says_so(self, client):
        assertContains(client.get(NETWORK_LIST), "No network has joined yet.")

    def test_a_network_shows_its_verified_members_partners_and_charter(self, client, network):
        response = client.get(network.get_absolute_url())

        assertContains(response, "<h1>SSE Cluster Grande Région</h1>", html=True)
        assert countries_shown(response, "text-muted", " · ", after="<h1>") == FOUR_COUNTRIES
        assertContains(response, "2 members")
        assertContains(response, "Alpha Bakers")
        assertContains(response, "Zinc Roofers")
        assertNotContains(response, "Hidden Weavers")
        assertContains(response, "Signed charter v1 on", count=1)
        assertContains(response, "Banque Solidaire")
        assertContains(response, "Bank or funder · Luxembourg")
        assertContains(response, "Université de la Grande Région")
        assertContains(response, "Charter of the Grande Région")
        assertContains(response, "We reinvest our surplus in jobs.")

    def test_a_network_reads_in_the_visitors_language_else_says_which_it_is_in(self, client, network):
        network.tagline_fr = "L'économie sociale par-delà quatre frontières"
        network.charter_title_fr = "Charte de la Grande Région"
        network.charter_fr = "Nous réinvestissons nos excédents."
        network.save()
        url = network.get_absolute_url()

        french = client.get("/fr" + url)
        assertContains(french, '<p class="lead">L&#x27;économie sociale par-delà quatre frontières</p>', html=True)
        assertContains(french, "Charte de la Grande Région")
        assertContains(french, "Nous réinvestissons nos excédents.")
        assertNotContains(french, "We reinvest our surplus in jobs.")
        assertContains(client.get("/fr" + NETWORK_LIST), "L&#x27;économie sociale par-delà quatre frontières")

        german = client.get("/de" + url)  # not written in German: the English, marked as such
        assertContains(german, '<p class="lead" lang="en">The social economy across four borders</p>', html=True)
        assertContains(german, "Verfasst auf Englisch")

    def test_members_link_to_their_profiles(self, client, network):
        alpha = network.members.get(name="Alpha Bakers")

        response = client.get(network.get_absolute_url())

        assertContains(response, f'<a href="{alpha.get_absolute_url()}">Alpha Bakers</a>', html=True)

    def test_a_network_without_verified_members_says_so(self, client):
        network = NetworkFactory()
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(unverified=True))

        assertContains(client.get(network.get_absolute_url()), "No verified member yet.")

    def test_an_unknown_network_is_not_found(self, client):
        assert client.get(reverse("organisations:network-detail", kwargs={"slug": "nobody"})).status_code == 404


class TestWagtailSiteFixture:
    def test_the_home_page_is_served_even_after_wagtails_records_were_wiped(self, client, request, supplier):
        # What a flush (TransactionTestCase, live server) leaves of Wagtail's migrated records: nothing.
        Site.objects.all().delete()
        Page.objects.all().delete()
        Collection.objects.all().delete()
        Locale.objects.all().delete()

        request.getfixturevalue("wagtail_site")
        response = client.get("/")

        assertContains(response, "Buy from social enterprises")
        assertContains(response, "verified social enterprises")
