"""The operators' Django admin: verifying suppliers, finding records, and editing
organisations without breaking the rules the site keeps (shop partner, members)."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations.models import Membership, Role, Supplier
from tests.factories import (
    BuyerFactory,
    MembershipFactory,
    NetworkFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    UserFactory,
)

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

SUPPLIER_CHANGELIST = reverse("admin:organisations_supplier_changelist")


@pytest.fixture
def operator_client(client, superuser):
    client.force_login(superuser)
    return client


def partner_users(supplier):
    return set(Partner.objects.get(pk=Supplier.objects.get(pk=supplier.pk).partner_id).users.all())


class TestVerificationActions:
    def test_verify_selected_suppliers_publishes_them(
        self, operator_client, client, superuser, django_capture_on_commit_callbacks
    ):
        first = SupplierFactory(name="Waiting Weavers", unverified=True)
        second = SupplierFactory(name="Waiting Bakers", unverified=True)
        SupplierFactory(name="Still Waiting", unverified=True)

        with django_capture_on_commit_callbacks(execute=True):  # the search index follows the commit
            response = operator_client.post(
                SUPPLIER_CHANGELIST, {"action": "verify", "_selected_action": [first.pk, second.pk]}, follow=True
            )

        assertContains(response, "2 suppliers verified.")
        assert set(Supplier.objects.verified().values_list("name", flat=True)) == {"Waiting Weavers", "Waiting Bakers"}
        assert Supplier.objects.get(pk=first.pk).verified_by == superuser
        operator_client.logout()
        public_list = client.get(reverse("organisations:supplier-list"))
        assertContains(public_list, "Waiting Weavers")
        assertContains(public_list, "Waiting Bakers")
        assertNotContains(public_list, "Still Waiting")

    def test_the_action_is_offered_on_the_changelist(self, operator_client, unverified_supplier):
        response = operator_client.get(SUPPLIER_CHANGELIST)

        assertContains(response, '<option value="verify">Verify selected suppliers</option>', html=True)

    def test_withdrawing_verification_hides_them(
        self, operator_client, client, supplier, reindex, django_capture_on_commit_callbacks
    ):
        reindex()
        assertContains(client.get(reverse("organisations:supplier-list")), "Repair Coop")

        with django_capture_on_commit_callbacks(execute=True):
            response = operator_client.post(
                SUPPLIER_CHANGELIST, {"action": "unverify", "_selected_action": [supplier.pk]}, follow=True
            )

        assertContains(response, "1 supplier hidden.")
        operator_client.logout()
        assertNotContains(client.get(reverse("organisations:supplier-list")), "Repair Coop")


def _supplier_search():
    SupplierFactory(name="Bicycle Menders", city="Nancy")
    SupplierFactory(name="Seed Library", city="Trier")
    return "Menders", "Bicycle Menders", "Seed Library"


def _buyer_search():
    BuyerFactory(name="Steelworks Procurement", vat_id="LU11111139")
    BuyerFactory(name="City of Esch", vat_id="LU22222278")
    return "LU1111", "Steelworks Procurement", "City of Esch"


def _network_search():
    NetworkFactory(name="Impact Noord", description="Dutch social enterprises")
    NetworkFactory(name="KASPEV", description="Serbian cooperatives")
    return "Dutch", "Impact Noord", "KASPEV"


def _sector_search():
    SectorFactory(name="Local food distribution", parent=SectorFactory(name="Food"))
    SectorFactory(name="Reused materials", parent=SectorFactory(name="Construction"))
    return "Local food", "Local food distribution", "Reused materials"


def _region_search():
    RegionFactory(country="FR", name="Lorraine", nuts_code="FRF3")
    RegionFactory(country="DE", name="Saarland", nuts_code="DEC0")
    return "FRF3", "Lorraine", "Saarland"


def _membership_search():
    hilda = UserFactory(email="hilda@hive.example", first_name="Hilda", last_name="Hive")
    otto = UserFactory(email="otto@orchard.example", first_name="Otto", last_name="Orchard")
    MembershipFactory(user=hilda, organisation=SupplierFactory(name="Hive Honey"))
    MembershipFactory(user=otto, organisation=BuyerFactory(name="Orchard Buying"))
    return "hilda@", "Hilda Hive", "Otto Orchard"


@pytest.mark.parametrize(
    ("model", "make"),
    [
        ("supplier", _supplier_search),
        ("buyer", _buyer_search),
        ("network", _network_search),
        ("sector", _sector_search),
        ("region", _region_search),
        ("membership", _membership_search),
    ],
)
def test_changelists_render_and_search(operator_client, model, make):
    query, found, not_found = make()
    url = reverse(f"admin:organisations_{model}_changelist")

    everything = operator_client.get(url)
    searched = operator_client.get(url, {"q": query})

    assertContains(everything, found)
    assertContains(everything, not_found)
    assertContains(searched, found)
    assertNotContains(searched, not_found)
    assertContains(searched, "1 result")


class TestAddingASupplierInTheAdmin:
    def form(self, region, sector, **overrides):
        data = {
            "name": "Admin-made Coop",
            "legal_form": "cooperative",
            "country": "FR",
            "region": region.pk,
            "sectors": [sector.pk],
            "description": "",
        }
        for prefix in ("memberships", "served_areas", "network_memberships", "photos"):
            data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
        return data | overrides

    def test_an_operator_adds_a_supplier_with_its_administrator(self, operator_client):
        lorraine, sector, person = RegionFactory(country="FR", name="Lorraine"), SectorFactory(), UserFactory()
        data = self.form(
            lorraine,
            sector,
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-0-user": person.pk,
                "memberships-0-role": Role.ADMIN,
            },
        )

        response = operator_client.post(reverse("admin:organisations_supplier_add"), data)

        assert response.status_code == 302, response.context["adminform"].form.errors
        supplier = Supplier.objects.get(name="Admin-made Coop")
        assert supplier.slug == "admin-made-coop"
        assert supplier.verified is False
        assert Partner.objects.get(pk=supplier.partner_id).name == "Admin-made Coop"
        assert partner_users(supplier) == {person}
        assert [a.region for a in supplier.served_areas.all()] == [lorraine]

    def test_an_operator_adds_a_supplier_serving_its_own_region(self, operator_client):
        lorraine, sector = RegionFactory(country="FR", name="Lorraine"), SectorFactory()
        data = self.form(
            lorraine,
            sector,
            **{
                "served_areas-TOTAL_FORMS": "1",
                "served_areas-0-country": "FR",
                "served_areas-0-region": lorraine.pk,
            },
        )

        response = operator_client.post(reverse("admin:organisations_supplier_add"), data)

        assert response.status_code == 302
        supplier = Supplier.objects.get(name="Admin-made Coop")
        assert [a.region for a in supplier.served_areas.all()] == [lorraine]

    def test_renaming_in_the_admin_renames_the_shop_partner(self, operator_client, supplier):
        url = reverse("admin:organisations_supplier_change", args=[supplier.pk])
        membership = supplier.memberships.get()
        area = supplier.served_areas.get()
        data = self.form(
            supplier.region,
            supplier.sectors.get(),
            name="Repair Coop Renamed",
            legal_form=supplier.legal_form,
            employees=supplier.employees,
            employees_vulnerable=supplier.employees_vulnerable,
            **{
                "memberships-TOTAL_FORMS": "1",
                "memberships-INITIAL_FORMS": "1",
                "memberships-0-id": membership.pk,
                "memberships-0-organisation": supplier.pk,
                "memberships-0-user": membership.user_id,
                "memberships-0-role": membership.role,
                "served_areas-TOTAL_FORMS": "1",
                "served_areas-INITIAL_FORMS": "1",
                "served_areas-0-id": area.pk,
                "served_areas-0-supplier": supplier.pk,
                "served_areas-0-country": str(area.country),
                "served_areas-0-region": area.region_id,
            },
        )

        response = operator_client.post(url, data)

        assert response.status_code == 302, response.context["adminform"].form.errors
        assert Partner.objects.get(pk=supplier.partner_id).name == "Repair Coop Renamed"


class TestMembershipAdmin:
    def test_a_member_added_in_the_admin_gets_the_shop(self, operator_client, supplier):
        person = UserFactory()

        response = operator_client.post(
            reverse("admin:organisations_membership_add"),
            {"user": person.pk, "organisation": supplier.pk, "role": Role.MEMBER},
        )

        assert response.status_code == 302
        assert person in partner_users(supplier)

    def test_a_member_deleted_in_the_admin_loses_the_shop(self, operator_client, supplier, supplier_member):
        membership = supplier.memberships.get(user=supplier_member)

        operator_client.post(reverse("admin:organisations_membership_delete", args=[membership.pk]), {"post": "yes"})

        assert not Membership.objects.filter(pk=membership.pk).exists()
        assert supplier_member not in partner_users(supplier)

    def test_members_deleted_in_bulk_lose_the_shop(self, operator_client, supplier, supplier_member):
        membership = supplier.memberships.get(user=supplier_member)

        operator_client.post(
            reverse("admin:organisations_membership_changelist"),
            {"action": "delete_selected", "_selected_action": [membership.pk], "post": "yes"},
        )

        assert not Membership.objects.filter(pk=membership.pk).exists()
        assert supplier_member not in partner_users(supplier)
