"""What the organisations' reads return: who is public, to whom, and in which order."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from marketplace.organisations import selectors, services
from marketplace.organisations.models import Buyer, Role, Supplier
from tests.factories import (
    BuyerFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    ProductFactory,
    StockRecord,
    SupplierFactory,
    UserFactory,
    product_for_supplier,
)

pytestmark = pytest.mark.django_db


class TestPublicSuppliers:
    def test_only_verified_suppliers_are_public_in_name_order(self):
        SupplierFactory(name="Zebra Crossing Works")
        SupplierFactory(name="Apple Orchard Coop")
        SupplierFactory(name="Hidden Bakery", unverified=True)

        names = [s.name for s in selectors.supplier_public_list()]

        assert names == ["Apple Orchard Coop", "Zebra Crossing Works"]

    def test_featured_suppliers_are_the_most_recently_verified(self, staff_user):
        older, newer, newest = (SupplierFactory(name=n, unverified=True) for n in ("Older", "Newer", "Newest"))
        SupplierFactory(name="Not verified", unverified=True)
        start = timezone.now()
        for hours, supplier in enumerate([older, newer, newest]):
            services.supplier_verify(supplier=supplier, by=staff_user)
            Supplier.objects.filter(pk=supplier.pk).update(verified_at=start + datetime.timedelta(hours=hours))

        featured = selectors.supplier_featured(limit=2)

        assert [s.name for s in featured] == ["Newest", "Newer"]

    def test_platform_figures_count_verified_suppliers_and_their_countries(self):
        SupplierFactory(country="FR")
        SupplierFactory(country="FR")
        SupplierFactory(country="RS", region=None)
        SupplierFactory(country="NL", region=None, unverified=True)
        NetworkFactory()

        figures = selectors.platform_figures()

        assert figures == {"suppliers": 3, "countries": 2, "networks": 1, "orders": 0}


class TestProfileVisibility:
    @pytest.fixture
    def people(self, unverified_supplier, staff_user, user):
        admin = unverified_supplier.memberships.get().user
        member = MembershipFactory(organisation=unverified_supplier).user
        return {"anonymous": AnonymousUser(), "outsider": user, "admin": admin, "member": member, "staff": staff_user}

    @pytest.mark.parametrize(
        ("who", "visible"),
        [("anonymous", False), ("outsider", False), ("admin", True), ("member", True), ("staff", True)],
    )
    def test_an_unverified_supplier_is_shown_to_its_members_and_operators_only(
        self, unverified_supplier, people, who, visible
    ):
        assert selectors.supplier_is_visible_to(supplier=unverified_supplier, user=people[who]) is visible
        if visible:
            profile = selectors.supplier_get_profile(slug=unverified_supplier.slug, user=people[who])
            assert profile == unverified_supplier
        else:
            with pytest.raises(Supplier.DoesNotExist):
                selectors.supplier_get_profile(slug=unverified_supplier.slug, user=people[who])

    @pytest.mark.parametrize("who", ["anonymous", "outsider"])
    def test_a_verified_supplier_is_shown_to_everyone(self, supplier, user, who):
        viewer = {"anonymous": AnonymousUser(), "outsider": user}[who]

        assert selectors.supplier_get_profile(slug=supplier.slug, user=viewer) == supplier

    def test_a_member_of_another_supplier_does_not_see_it(self, unverified_supplier, supplier_admin, supplier):
        with pytest.raises(Supplier.DoesNotExist):
            selectors.supplier_get_profile(slug=unverified_supplier.slug, user=supplier_admin)


class TestSupplierProducts:
    def test_only_the_suppliers_public_products_with_its_own_price(self, supplier):
        other = SupplierFactory()
        product_for_supplier(supplier=supplier, title="Wooden stool", price=Decimal("45.00"))
        shared = product_for_supplier(supplier=other, title="Bench", price=Decimal("90.00"))
        # The same product sold by both: the profile shows this supplier's price.
        StockRecord.objects.create(
            product=shared, partner=supplier.partner, partner_sku="B-1", price_currency="EUR", price=Decimal("80.00")
        )
        product_for_supplier(supplier=supplier, title="Hidden draft", is_public=False)
        product_for_supplier(supplier=other, title="Other's table")
        ProductFactory(title="Not for sale")

        products = list(selectors.supplier_products(supplier=supplier))

        assert [(p.title, p.supplier_stockrecord.price) for p in products] == [
            ("Bench", Decimal("80.00")),
            ("Wooden stool", Decimal("45.00")),
        ]
        assert all(p.supplier_stockrecord.price_currency == "EUR" for p in products)
        assert all(p.first_image is None for p in products)


class TestNetworks:
    def test_member_counts_include_verified_suppliers_only(self):
        grande_region = NetworkFactory(name="SSE Cluster Grande Région")
        NetworkFactory(name="Impact Noord")
        NetworkMembershipFactory(network=grande_region)
        NetworkMembershipFactory(network=grande_region)
        NetworkMembershipFactory(network=grande_region, supplier=SupplierFactory(unverified=True))

        counts = {n.name: n.member_count for n in selectors.network_list()}

        assert counts == {"Impact Noord": 0, "SSE Cluster Grande Région": 2}

    def test_a_network_shows_its_verified_members_by_name(self):
        network = NetworkFactory()
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Zinc Roofers"))
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Alpha Bakers"))
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name="Beta Hidden", unverified=True))

        shown = selectors.network_get(slug=network.slug)

        assert [nm.supplier.name for nm in shown.verified_memberships] == ["Alpha Bakers", "Zinc Roofers"]


class TestMemberships:
    def test_a_user_sees_their_organisations_by_name(self, user):
        MembershipFactory(user=user, organisation=SupplierFactory(name="Zeta Print"))
        MembershipFactory(user=user, organisation=BuyerFactory(name="Alpha Buying"))
        SupplierFactory(name="Not mine")

        names = [m.organisation.name for m in selectors.user_memberships(user=user)]

        assert names == ["Alpha Buying", "Zeta Print"]

    def test_an_anonymous_visitor_belongs_to_nothing(self, supplier):
        assert list(selectors.user_memberships(user=AnonymousUser())) == []
        assert selectors.membership_get(user=AnonymousUser(), organisation=supplier) is None

    def test_membership_of_one_organisation(self, supplier, supplier_admin, supplier_member, user):
        assert selectors.membership_get(user=supplier_admin, organisation=supplier).is_admin
        assert not selectors.membership_get(user=supplier_member, organisation=supplier).is_admin
        assert selectors.membership_get(user=user, organisation=supplier) is None

    def test_belonging_with_a_role(self, supplier, supplier_admin, supplier_member, user):
        assert selectors.is_member(user=supplier_member, organisation=supplier)
        assert selectors.is_member(user=supplier_admin, organisation=supplier.pk, roles=[Role.ADMIN])
        assert not selectors.is_member(user=supplier_member, organisation=supplier, roles=[Role.ADMIN])
        assert not selectors.is_member(user=user, organisation=supplier)
        assert not selectors.is_member(user=AnonymousUser(), organisation=supplier)
        assert not selectors.is_member(user=None, organisation=supplier)

    def test_the_organisations_of_a_person_by_kind_and_role(self, user):
        supplier = SupplierFactory(name="Zeta Print")
        buyer = BuyerFactory(name="Alpha Buying")
        MembershipFactory(user=user, organisation=supplier, role=Role.ADMIN)
        MembershipFactory(user=user, organisation=buyer)
        SupplierFactory(name="Not mine")

        assert set(selectors.organisations_of(user=user).values_list("name", flat=True)) == {
            "Zeta Print",
            "Alpha Buying",
        }
        assert list(selectors.organisations_of(user=user, model=Buyer)) == [buyer]
        assert list(selectors.organisations_of(user=user, model=Supplier)) == [supplier]
        assert list(selectors.organisations_of(user=user, roles=[Role.ADMIN]).values_list("name", flat=True)) == [
            "Zeta Print"
        ]
        assert not selectors.organisations_of(user=AnonymousUser()).exists()

    def test_the_administrators_of_an_organisation(self, supplier, supplier_admin, supplier_member):
        assert selectors.organisation_administrators(organisation=supplier) == [supplier_admin]

    def test_administrators_are_counted(self, supplier, supplier_member):
        assert selectors.organisation_admin_count(organisation=supplier) == 1
        MembershipFactory(organisation=supplier, user=UserFactory(), role="admin")
        assert selectors.organisation_admin_count(organisation=supplier) == 2
        assert len(selectors.organisation_members(organisation=supplier)) == 3
