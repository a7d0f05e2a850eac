"""Concurrent awards of a joint quote, on SQLite and PostgreSQL, each in its own
transaction and connection as with several web workers: one purchase is placed, with
exactly one order part per supplier of the quote."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.order.models import Order, Purchase
from marketplace.sourcing import joint, services
from marketplace.sourcing.models import Award
from tests.order.helpers import checkout_details
from tests.order.test_concurrency import in_parallel
from tests.sourcing.conftest import admin_of, need_published, past_deadline
from tests.sourcing.factories import joint_network, joint_started, lead_lines, partner_lines, partner_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_awards_of_a_joint_quote_place_one_part_per_supplier(market):
    saar = joint_network(market).saar
    need = need_published(market)
    joint_quote = joint_started(need, market.bricks)
    lead_lines(joint_quote, ("Reused bricks", "2000", "0.40", "20"))
    partner_lines(partner_of(joint_quote, saar, accept=True), ("Laying", "10", "45.00", "19"), ready=True)
    today = timezone.localdate()
    submitted = joint.joint_quote_submit(
        quote=joint_quote,
        by=admin_of(market.bricks),
        valid_until=today + timedelta(days=30),
        delivery_date=today + timedelta(days=20),
    )
    past_deadline(need)

    def award():
        return services.need_award(need=need, quote=submitted, by=market.officer, details=checkout_details())

    results = in_parallel([award] * 4)
    assert all(isinstance(result, Award) for result in results), results
    assert len({result.pk for result in results}) == 1
    assert Purchase.objects.count() == 1
    assert sorted(Order.objects.values_list("supplier__name", flat=True)) == ["Bricks Again", "Saar Reuse"]
