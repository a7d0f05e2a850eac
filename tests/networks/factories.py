import datetime

import factory
from factory.django import DjangoModelFactory

from marketplace.networks.models import CharterVersion, NetworkTeamMember, TeamRole
from tests.factories import NetworkFactory, UserFactory


class NetworkTeamMemberFactory(DjangoModelFactory):
    class Meta:
        model = NetworkTeamMember

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamRole.COORDINATOR


class CharterVersionFactory(DjangoModelFactory):
    class Meta:
        model = CharterVersion

    network = factory.SubFactory(NetworkFactory)
    number = 1
    title_en = factory.LazyAttribute(lambda o: f"Charter v{o.number}")
    text_en = "We put people before profit."
    resign_days = 30
    published_at = datetime.datetime(2025, 1, 1, 12, tzinfo=datetime.UTC)
