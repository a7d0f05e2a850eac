"""The shared purchase of tests/order/fixtures (Green Crates and Reuse Yard each hold a
part), plus what a supplier's workspace lists: an invitation to quote, a quote and
conversations."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.sourcing.models import Invitation, Message, Need, Quote, Thread
from tests.order.fixtures import *  # noqa: F403  (the shared purchase, its suppliers and people)
from tests.order.fixtures import part_of


@pytest.fixture
def crates_part(shared_purchase, crates):
    return part_of(shared_purchase, crates)


@pytest.fixture
def yard_part(shared_purchase, yard):
    return part_of(shared_purchase, yard)


def need_for(buyer, supplier, title, *, days=5, invitation_status=Invitation.Status.NOTIFIED):
    """A published need of `buyer` to which `supplier` was invited."""
    need = Need.objects.create(
        buyer=buyer,
        title=title,
        description="Wooden crates for our canteen's fruit.",
        country="FR",
        quantity=Decimal("50"),
        unit="crates",
        deadline=timezone.now() + timedelta(days=days),
        status=Need.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    Invitation.objects.create(need=need, supplier=supplier, status=invitation_status)
    return need


def thread_with(buyer, supplier, subject, *sides):
    thread = Thread.objects.create(buyer=buyer, supplier=supplier, subject=subject, last_message_at=timezone.now())
    for side in sides:
        Message.objects.create(thread=thread, side=side, body=f"A word from the {side}")
    return thread


@pytest.fixture
def crates_sourcing(buyer, crates, yard):
    """Crates: one open invitation, one quoted need, a conversation waiting for its answer
    and one it answered; Yard: an invitation and a conversation of its own."""
    open_need = need_for(buyer, crates, "Crates for the canteen")
    quoted = need_for(buyer, crates, "Crates for the market stall", invitation_status=Invitation.Status.QUOTED)
    quote = Quote.objects.create(
        need=quoted,
        supplier=crates,
        valid_until=timezone.localdate() + timedelta(days=30),
        delivery_date=timezone.localdate() + timedelta(days=20),
        total_excl_tax=Decimal("480.00"),
    )
    waiting = thread_with(buyer, crates, "Do you deliver on Saturdays?", Message.Side.BUYER)
    answered = thread_with(buyer, crates, "Crate sizes", Message.Side.BUYER, Message.Side.SUPPLIER)
    need_for(buyer, yard, "Secret yard need")
    thread_with(buyer, yard, "Secret yard conversation", Message.Side.BUYER)
    return {"open_need": open_need, "quote": quote, "waiting": waiting, "answered": answered}
