"""Only a network's coordinators open its coordination pages: a coordinator of another
network, its partners' people and its member suppliers get a 404; visitors sign in first."""

import pytest
from django.urls import reverse

from marketplace.networks.models import NetworkInvitation, TeamRole
from marketplace.networks.services import invitation_send, join_request_create
from tests.factories import NetworkFactory, NetworkPartnerFactory, SupplierFactory, UserFactory
from tests.networks.factories import NetworkTeamMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_network(db):
    return NetworkFactory(name="Impact Noord", slug="impact-noord")


def pages(network, membership, partner, join_request, invitation, team_member):
    """(method, url) of every coordination page of `network`."""
    slug = network.slug
    return [
        ("get", reverse("networks:network", args=[slug])),
        ("get", reverse("networks:members", args=[slug])),
        ("get", reverse("networks:member-remove", args=[slug, membership.pk])),
        ("post", reverse("networks:member-remove", args=[slug, membership.pk])),
        ("get", reverse("networks:requests", args=[slug])),
        ("post", reverse("networks:request-decide", args=[slug, join_request.pk])),
        ("get", reverse("networks:invitations", args=[slug])),
        ("post", reverse("networks:invitations", args=[slug])),
        ("post", reverse("networks:invitation-withdraw", args=[slug, invitation.pk])),
        ("get", reverse("networks:charter", args=[slug])),
        ("post", reverse("networks:charter-publish", args=[slug])),
        ("get", reverse("networks:partners", args=[slug])),
        ("get", reverse("networks:partner-new", args=[slug])),
        ("get", reverse("networks:partner-edit", args=[slug, partner.pk])),
        ("post", reverse("networks:partner-change", args=[slug, partner.pk])),
        ("post", reverse("networks:team-remove", args=[slug, team_member.pk])),
        ("get", reverse("networks:profile", args=[slug])),
        ("post", reverse("networks:profile", args=[slug])),
    ]


@pytest.fixture
def other_pages(other_network, supplier, supplier_admin):
    from tests.factories import NetworkMembershipFactory

    other = SupplierFactory(name="Noord Bakery", created_by=UserFactory())
    membership = NetworkMembershipFactory(network=other_network, supplier=other)
    coordinator = UserFactory()
    team_member = NetworkTeamMemberFactory(network=other_network, user=coordinator)
    join_request = join_request_create(network=other_network, supplier=supplier, message="", by=supplier_admin)
    invitation = invitation_send(network=other_network, email="x@example.org", by=coordinator)
    partner = NetworkPartnerFactory(network=other_network)
    return pages(other_network, membership, partner, join_request, invitation, team_member)


def test_a_coordinator_of_another_network_gets_404_on_every_page(client, coordinator, other_pages, other_network):
    client.force_login(coordinator)
    for method, url in other_pages:
        assert getattr(client, method)(url).status_code == 404, url
    # Nothing changed: the member, the request and the invitation are still there.
    assert other_network.memberships.count() == 1
    assert other_network.join_requests.filter(decided_at__isnull=True).count() == 1
    assert other_network.invitations.get().is_expired is False


@pytest.mark.parametrize("who", ["partner", "supplier_admin"])
def test_partners_people_and_member_suppliers_cannot_manage(client, who, other_network, other_pages, supplier_admin):
    if who == "partner":
        user = UserFactory()
        NetworkTeamMemberFactory(network=other_network, user=user, role=TeamRole.PARTNER)
    else:
        user = supplier_admin
    client.force_login(user)
    for method, url in other_pages:
        assert getattr(client, method)(url).status_code == 404, url


def test_visitors_are_sent_to_sign_in(client, other_pages):
    for method, url in other_pages:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")), url


def test_the_coordinator_opens_every_page_of_their_network(client, coordinator, network, membership):
    client.force_login(coordinator)
    for name in ["members", "requests", "invitations", "charter", "partners", "profile", "partner-new"]:
        assert client.get(reverse(f"networks:{name}", args=[network.slug])).status_code == 200, name
    home = client.get(reverse("networks:home"))
    assert [n.slug for n in home.context["networks"]] == [network.slug]


def test_the_user_menu_offers_coordination_to_coordinators_only(client, coordinator, supplier_admin):
    client.force_login(coordinator)
    assert reverse("networks:home") in client.get("/accounts/").content.decode()
    client.force_login(supplier_admin)
    assert reverse("networks:home") not in client.get("/accounts/").content.decode()


def test_partners_people_cannot_be_invited_without_a_partner(network, coordinator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        invitation_send(
            network=network, email="p@example.org", by=coordinator, purpose=NetworkInvitation.Purpose.PARTNER
        )


def test_a_partners_person_finds_the_networks_figures_from_the_menu(client, network):
    funder = UserFactory(email="funder@bank.example")
    NetworkTeamMemberFactory(network=network, user=funder, role=TeamRole.PARTNER)
    client.force_login(funder)
    menu = client.get("/accounts/").content.decode()
    assert reverse("networks:home") in menu and "Network figures" in menu
    home = client.get(reverse("networks:home")).content.decode()
    assert reverse("network_dashboard:dashboard", args=[network.slug]) in home
    assert reverse("networks:members", args=[network.slug]) not in home
    assert client.get(reverse("network_dashboard:dashboard", args=[network.slug])).status_code == 200
