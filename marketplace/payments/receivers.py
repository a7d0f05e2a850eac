"""Payments' answers to ordering's signals (marketplace/order/signals.py), connected in
PaymentsConfig.ready: ordering changes a part's status, payments settle its money."""

import stripe

from marketplace.order.models import PartStatus
from marketplace.order.signals import PaymentNotRefunded

from . import card, services
from .models import CreditReason


def part_accepted(sender, *, part, **kwargs) -> None:
    services.invoice_issue(part)


def part_closing(sender, *, part, status, **kwargs) -> None:
    services.part_credit(
        part=part, reason=CreditReason.REJECTED if status == PartStatus.REJECTED else CreditReason.CANCELLED
    )
    # Last, so that a refused refund undoes the credit note with the rest of the step.
    try:
        card.part_refund(part=part)
    except stripe.StripeError as error:
        raise PaymentNotRefunded from error
