"""Operators and coordinators find the verification queue from the user menu; others do not see it."""

from django.urls import reverse

from marketplace.networks.models import TeamRole
from tests.networks.factories import NetworkTeamMemberFactory


def test_the_menu_leads_coordinators_and_operators_to_the_queue(client, staff_user, supplier_admin):
    coordinator = NetworkTeamMemberFactory(role=TeamRole.COORDINATOR).user
    queue = reverse("verification:queue")
    for user, offered in ((coordinator, True), (staff_user, True), (supplier_admin, False)):
        client.force_login(user)
        assert (queue in client.get("/accounts/").content.decode()) is offered, user
