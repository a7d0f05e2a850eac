"""Coordinators see their members' profile completeness, verification and charter state,
remove a member (its admins are told), and answer join requests."""

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.networks.models import JoinRequest
from marketplace.organisations.models import NetworkMembership
from tests.factories import NetworkMembershipFactory, SupplierFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_members_table(client, coordinator, network, membership, django_assert_max_num_queries):
    for n in range(5):
        NetworkMembershipFactory(network=network, supplier=SupplierFactory(name=f"Coop {n}", created_by=UserFactory()))
    client.force_login(coordinator)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("networks:members", args=[network.slug]))
    rows = page.context["rows"]
    assert [r.supplier.name for r in rows][0] == "Coop 0" and len(rows) == 6
    repair = next(r for r in rows if r.supplier.name == "Repair Coop")
    assert "products or services" in repair.gaps
    assert repair.completeness == round(100 * (8 - len(repair.gaps)) / 8)
    assert "No charter published" in page.content.decode()


def test_removing_a_member_tells_its_admins(client, post, coordinator, network, membership, supplier, supplier_admin):
    client.force_login(coordinator)
    url = reverse("networks:member-remove", args=[network.slug, membership.pk])
    assert "Remove Repair Coop from SSE Cluster?" in client.get(url).content.decode()
    post(url, {})
    assert not NetworkMembership.objects.filter(pk=membership.pk).exists()
    assert [m.to for m in mail.outbox] == [[supplier_admin.email]]
    assert "SSE Cluster" in mail.outbox[0].subject


@pytest.mark.parametrize("decision", ["approve", "decline"])
def test_join_request(client, post, coordinator, network, supplier, supplier_admin, decision):
    client.force_login(supplier_admin)
    post(
        reverse("networks_workspace:network-action", args=[supplier.slug, network.slug, "join"]),
        {"message": "We repair bikes in Metz."},
    )
    request = JoinRequest.objects.get(network=network, supplier=supplier)
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    page = client.get(reverse("networks_workspace:networks", args=[supplier.slug])).content.decode()
    assert "the coordinators have not answered yet" in page
    client.force_login(coordinator)
    assert "We repair bikes in Metz." in client.get(reverse("networks:requests", args=[network.slug])).content.decode()
    post(reverse("networks:request-decide", args=[network.slug, request.pk]), {"decision": decision})
    assert NetworkMembership.objects.filter(network=network, supplier=supplier).exists() == (decision == "approve")
    assert mail.outbox[-1].to == [supplier_admin.email]
    request.refresh_from_db()
    assert request.approved == (decision == "approve") and request.decided_by == coordinator


def test_partners_are_added_reordered_and_removed(client, post, coordinator, network):
    client.force_login(coordinator)
    for name in ["Bank A", "University B"]:
        post(reverse("networks:partner-new", args=[network.slug]), {"name": name, "kind": "bank", "country": "LU"})
    assert [p.name for p in network.partners.all()] == ["Bank A", "University B"]
    second = network.partners.get(name="University B")
    post(reverse("networks:partner-change", args=[network.slug, second.pk]), {"action": "up"})
    assert [p.name for p in network.partners.all()] == ["University B", "Bank A"]
    post(reverse("networks:partner-change", args=[network.slug, second.pk]), {"action": "remove"})
    assert [p.name for p in network.partners.all()] == ["Bank A"]
