import pytest

from marketplace.networks.models import TeamRole
from tests.factories import NetworkFactory, NetworkMembershipFactory, UserFactory
from tests.networks.factories import NetworkTeamMemberFactory


@pytest.fixture
def network(db):
    return NetworkFactory(name="SSE Cluster", slug="sse-cluster")


@pytest.fixture
def coordinator(network):
    user = UserFactory(email="coco@cluster.example", first_name="Coco", last_name="Coordinator")
    NetworkTeamMemberFactory(network=network, user=user, role=TeamRole.COORDINATOR)
    return user


@pytest.fixture
def membership(network, supplier):
    """`supplier` (Repair Coop, administered by `supplier_admin`) is a member of `network`."""
    return NetworkMembershipFactory(network=network, supplier=supplier)
