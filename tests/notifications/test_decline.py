"""A supplier declines an invitation to quote from its e-mail, without signing in."""

import pytest
from django.test import Client

from marketplace.organisations.models import Membership
from marketplace.sourcing import services
from marketplace.sourcing.models import Invitation
from tests.factories import MembershipFactory, UserFactory
from tests.notifications.conftest import admin_of, link_after, mails_to
from tests.sourcing.conftest import past_deadline

pytestmark = pytest.mark.django_db
DECLINE = "Not for you? Decline in one click"


@pytest.fixture
def invitation(market, published):
    need = published(title="Reused bricks")
    return need.invitations.get(supplier=market.bricks)


def decline_link(person) -> str:
    [message] = mails_to(person)
    return link_after(message.body, DECLINE)


def test_a_supplier_declines_from_the_e_mail_with_a_reason(market, invitation):
    url = decline_link(admin_of(market.bricks))
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url).content.decode()
    assert "Reused bricks" in page and "Acme Procurement" in page
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.NOTIFIED  # opening the link declines nothing

    done = visitor.post(
        url, {"reason": "Fully booked until March.", "csrfmiddlewaretoken": visitor.cookies["csrftoken"].value}
    )
    assert "Declined: the buyer sees your answer" in done.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert invitation.decline_reason == "Fully booked until March."


def test_the_reason_is_optional_from_the_e_mail(market, invitation):
    Client().post(decline_link(admin_of(market.bricks)), {"reason": ""})
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED and invitation.decline_reason == ""


def test_a_changed_link_or_a_former_member_cannot_decline(market, invitation):
    url = decline_link(admin_of(market.bricks))
    assert Client().post(url[:-3] + "xx/").status_code == 400
    # A colleague who received the e-mail, then left the supplier.
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=market.bricks)
    invitation.need.invitations.filter(pk=invitation.pk).update(status=Invitation.Status.PENDING)
    services.invitations_send(need_id=invitation.need_id, supplier_ids=[market.bricks.pk])
    colleague_url = decline_link(colleague)
    Membership.objects.filter(user=colleague).delete()
    assert Client().post(colleague_url).status_code == 400
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.NOTIFIED


def test_after_the_deadline_the_link_says_so_and_declines_nothing(market, invitation):
    url = decline_link(admin_of(market.bricks))
    past_deadline(invitation.need)
    assert "no longer takes answers" in Client().get(url).content.decode()
    response = Client().post(url, {"reason": "Too late"})
    assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.NOTIFIED


def test_the_need_page_still_asks_why_and_uses_the_same_decline(client, market, invitation):
    client.force_login(admin_of(market.bricks))
    client.post(f"/needs/{invitation.need_id}/respond/", {"interested": "no", "reason": ""})
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.NOTIFIED
    client.post(f"/needs/{invitation.need_id}/respond/", {"interested": "no", "reason": "No stock"})
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == (Invitation.Status.DECLINED, "No stock")
