"""Two award submits at the same moment on SQLite and PostgreSQL, each in its own
transaction and connection as with several web workers: the need's row lock (on
SQLite, the write transaction) lets one place the order."""

import pytest

from marketplace.order.models import Order
from marketplace.sourcing import services
from marketplace.sourcing.models import Award
from tests.order.helpers import checkout_details
from tests.order.test_concurrency import in_parallel
from tests.sourcing.conftest import need_published, past_deadline, quote

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_awards_place_exactly_one_part(market):
    need = need_published(market)
    winner = quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"))
    past_deadline(need)

    def award():
        return services.need_award(need=need, quote=winner, by=market.officer, details=checkout_details())

    results = in_parallel([award] * 4)
    assert all(isinstance(result, Award) for result in results), results
    assert len({result.pk for result in results}) == 1
    assert Order.objects.filter(supplier=market.bricks).count() == 1
