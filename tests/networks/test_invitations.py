"""A coordinator invites a social enterprise by e-mail; an administrator of a supplier
accepts for it (a visitor registers it first); an expired or used link says so."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from marketplace.networks.models import NetworkInvitation, NetworkTeamMember, TeamRole
from marketplace.organisations.models import NetworkMembership
from tests.factories import SupplierFactory, UserFactory

pytestmark = pytest.mark.django_db


def invite(client, post, network, coordinator, email):
    client.force_login(coordinator)
    response = post(reverse("networks:invitations", args=[network.slug]), {"email": email, "message": "Welcome!"})
    assert response.status_code == 302
    client.logout()
    return NetworkInvitation.objects.get(network=network, email=email)


def link_in(message) -> str:
    line = next(line for line in message.body.splitlines() if "/coordination/invitation/" in line)
    return line[line.index("/coordination/") :] if "/fr/" not in line else line[line.index("/fr/") :]


def test_a_supplier_admin_accepts_for_their_supplier(client, post, network, coordinator, supplier, supplier_admin):
    invitation = invite(client, post, network, coordinator, supplier_admin.email)
    assert mail.outbox[-1].to == [supplier_admin.email]
    url = link_in(mail.outbox[-1])
    client.force_login(supplier_admin)
    page = client.get(url)
    assert "Welcome!" in page.content.decode()
    response = post(url, {"decision": "accept", "supplier": supplier.pk})
    assert response["Location"] == reverse("networks_workspace:networks", args=[supplier.slug])
    assert NetworkMembership.objects.filter(network=network, supplier=supplier).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == supplier_admin and invitation.supplier == supplier
    # Accepting twice: the link says it was used, and nothing more happens.
    again = client.post(url, {"decision": "accept", "supplier": supplier.pk}, follow=True)
    assert "already been answered" in again.content.decode()
    assert NetworkMembership.objects.filter(network=network, supplier=supplier).count() == 1


def test_an_admin_of_several_suppliers_chooses_which_joins(client, post, network, coordinator, supplier_admin):
    SupplierFactory(name="Repair Coop", created_by=supplier_admin)
    second = SupplierFactory(name="Green Garden", created_by=supplier_admin)
    invitation = invite(client, post, network, coordinator, "contact@garden.example")
    client.force_login(supplier_admin)
    page = client.get(reverse("networks:invitation", args=[invitation.token]))
    assert "Repair Coop" in page.content.decode() and "Green Garden" in page.content.decode()
    post(reverse("networks:invitation", args=[invitation.token]), {"decision": "accept", "supplier": second.pk})
    assert list(network.members.all()) == [second]


def test_a_plain_member_cannot_accept_for_the_supplier(client, post, network, coordinator, supplier, supplier_member):
    invitation = invite(client, post, network, coordinator, supplier_member.email)
    client.force_login(supplier_member)
    post(reverse("networks:invitation", args=[invitation.token]), {"decision": "accept", "supplier": supplier.pk})
    assert not network.members.exists()


def test_a_visitor_registers_their_social_enterprise_and_comes_back(client, post, network, coordinator):
    invitation = invite(client, post, network, coordinator, "founder@new-coop.example")
    url = reverse("networks:invitation", args=[invitation.token])
    page = client.get(url).content.decode()
    register = reverse("organisations:supplier-register") + "?next=" + url.replace("/", "%2F")
    assert register in page
    # Registered and signed in (the registration's own journey is tested in organisations),
    # the ?next= of the registration page brings the founder back here.
    founder = UserFactory(email="founder@new-coop.example")
    new_coop = SupplierFactory(name="New Coop", created_by=founder)
    client.force_login(founder)
    post(url, {"decision": "accept", "supplier": new_coop.pk})
    assert list(network.members.all()) == [new_coop]


def test_an_expired_link_says_so(client, post, network, coordinator, supplier, supplier_admin):
    invitation = invite(client, post, network, coordinator, supplier_admin.email)
    with time_machine.travel(invitation.expires_at + datetime.timedelta(minutes=1)):
        client.force_login(supplier_admin)  # a session of that day
        page = client.get(reverse("networks:invitation", args=[invitation.token]))
        assert "This invitation has expired" in page.content.decode()
        response = client.post(
            reverse("networks:invitation", args=[invitation.token]),
            {"decision": "accept", "supplier": supplier.pk},
            follow=True,
        )
    assert "This invitation has expired" in response.content.decode()
    assert not network.members.exists()


def test_declining(client, post, network, coordinator):
    invitation = invite(client, post, network, coordinator, "no@example.org")
    client.post(reverse("networks:invitation", args=[invitation.token]), {"decision": "decline"})
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    page = client.get(reverse("networks:invitation", args=[invitation.token]))
    assert "already been answered" in page.content.decode()


def test_a_co_coordinator_joins_the_team(client, post, network, coordinator):
    colleague = UserFactory(email="colleague@cluster.example", language="de")
    client.force_login(coordinator)
    post(reverse("networks:partners", args=[network.slug]), {"email": colleague.email, "purpose": "coordinator"})
    invitation = NetworkInvitation.objects.get(email=colleague.email)
    assert mail.outbox[-1].to == [colleague.email]
    assert "/de/coordination/invitation/" in mail.outbox[-1].body  # in the invitee's language
    client.force_login(colleague)
    response = post(reverse("networks:invitation", args=[invitation.token]), {"decision": "accept"})
    assert response["Location"] == reverse("networks:members", args=[network.slug])
    assert NetworkTeamMember.objects.get(network=network, user=colleague).role == TeamRole.COORDINATOR


def test_a_team_invitation_is_for_its_address_only(client, post, network, coordinator, supplier_admin):
    client.force_login(coordinator)
    post(reverse("networks:partners", args=[network.slug]), {"email": "boss@cluster.example", "purpose": "coordinator"})
    invitation = NetworkInvitation.objects.get(email="boss@cluster.example")
    client.force_login(supplier_admin)
    post(reverse("networks:invitation", args=[invitation.token]), {"decision": "accept"})
    assert not NetworkTeamMember.objects.filter(user=supplier_admin).exists()


def test_an_address_without_account_reads_the_coordinators_language(client, post, network, coordinator):
    coordinator.language = "fr"
    coordinator.save()
    invite(client, post, network, coordinator, "inconnu@example.org")
    assert "/fr/coordination/invitation/" in mail.outbox[-1].body
