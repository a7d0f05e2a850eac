"""A reserved need (Directive 2014/24/EU art. 20) as a Luxembourg buyer publishes it:
Luxembourg's rule applies (the buyer's country), so a French ESAT takes part as an
equivalent structure only with a verified workforce of at least 30 %."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from marketplace.deductions.rules import Status
from marketplace.sourcing.models import Invitation
from tests.sourcing.conftest import lines, market, need_draft, need_published  # noqa: F401 (fixtures)

from .factories import legal_status, operator_user, verified, workforce

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def workshops(market):  # noqa: F811
    """Bricks Again: a verified ESAT with 60 % verified; Renovators France: a verified
    ESAT whose workforce is not verified; Alsace Reuse serves elsewhere."""
    market.buyer.country = "LU"  # the rule of Luxembourg applies, whoever the suppliers are
    market.buyer.save(update_fields=["country"])
    operator = operator_user()
    verified(legal_status(market.bricks, Status.FR_ESAT), by=operator)
    verified(workforce(market.bricks, 10, 6), by=operator)
    verified(legal_status(market.renovators, Status.FR_ESAT), by=operator)
    return market


def test_a_reserved_need_reaches_only_eligible_suppliers(workshops):
    open_need = need_published(workshops)
    assert set(open_need.invitations.values_list("supplier__name", flat=True)) == {"Bricks Again", "Renovators France"}
    reserved = need_published(workshops, reserved_contract=True, title="Reserved: reused bricks")
    assert list(reserved.invitations.values_list("supplier__name", flat=True)) == ["Bricks Again"]


def test_a_non_eligible_supplier_cannot_quote_on_a_reserved_need(workshops):
    need = need_published(workshops, reserved_contract=True)
    # Invited before its status lapsed, say: the invitation gives no right to quote.
    invitation = Invitation.objects.create(need=need, supplier=workshops.renovators)
    with pytest.raises(ValidationError, match="reserved contract .* under the law of Luxembourg"):
        from marketplace.sourcing.services import quote_submit

        quote_submit(
            invitation=invitation,
            by=workshops.renovators.memberships.get().user,
            lines=lines(("Bricks", "100", "1.20", "17")),
            valid_until=timezone.localdate() + timedelta(days=30),
            delivery_date=timezone.localdate() + timedelta(days=20),
        )
    assert not need.quotes.exists()


def test_no_eligible_supplier_is_said_before_publishing(workshops):
    need = need_draft(workshops, reserved_contract=True, sectors=[workshops.food])
    from marketplace.sourcing.services import need_publish

    with pytest.raises(ValidationError, match="may take a reserved contract under the law of Luxembourg"):
        need_publish(need=need, by=workshops.officer)


def test_the_need_page_says_which_countrys_rule_applies(client, workshops):
    need = need_published(workshops, reserved_contract=True)
    client.force_login(workshops.officer)
    page = client.get(reverse("sourcing:need-detail", args=[need.pk])).content.decode()
    assert "under the law of Luxembourg" in page
    assert "Loi du 8 avril 2018 sur les marchés publics" in page


def test_a_joint_quote_on_a_reserved_need_takes_only_eligible_partners(workshops):
    from marketplace.sourcing.joint import joint_partner_invite
    from tests.sourcing.factories import joint_network, joint_started

    cluster = joint_network(workshops)
    need = need_published(workshops, reserved_contract=True)
    quote = joint_started(need, workshops.bricks)  # Bricks Again may take it: it leads
    with pytest.raises(ValidationError, match="reserved contract"):
        joint_partner_invite(quote=quote, supplier=cluster.saar, by=workshops.bricks.memberships.get().user)
    assert not quote.partners.exists()
    operator = User.objects.get(email="olga@operators.example")
    verified(legal_status(cluster.saar, Status.DE_WFBM), by=operator)
    verified(workforce(cluster.saar, 20, 15), by=operator)
    joint_partner_invite(quote=quote, supplier=cluster.saar, by=workshops.bricks.memberships.get().user)
    assert list(quote.partners.values_list("supplier__name", flat=True)) == ["Saar Reuse"]
