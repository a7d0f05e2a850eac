import factory
from factory.django import DjangoModelFactory

from marketplace.networks.models import NetworkTeamMember, TeamRole
from tests.factories import NetworkFactory, UserFactory


class NetworkTeamMemberFactory(DjangoModelFactory):
    """A coordinator of a network; `role=TeamRole.PARTNER` (with `partner`) for a partner's person."""

    class Meta:
        model = NetworkTeamMember

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamRole.COORDINATOR
    partner = None
