"""Reads for the card payment pages and the suppliers' payment panel."""

from django.conf import settings

from marketplace.order.models import Purchase
from marketplace.organisations.models import Supplier

from .models import SupplierStripeAccount


def card_payments_enabled() -> bool:
    """Card payment is offered only where Stripe keys are configured."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def card_element_fallback() -> bool:
    """Whether the pay page uses the card element and server-side confirmation instead
    of the Payment Element: only against a local fake Stripe (STRIPE_API_BASE), whose
    stand-in Stripe.js has no Payment Element."""
    return bool(settings.STRIPE_API_BASE)


def purchase_to_pay(*, user, number: str) -> Purchase | None:
    """A card purchase of one of the user's buyer organisations. Only the buyer's members
    pay: staff and suppliers never reach a buyer's payment."""
    return (
        Purchase.objects.filter(
            number=number, payment_method=Purchase.PaymentMethod.CARD, buyer__memberships__user=user
        )
        .select_related("card_payment")
        .first()
    )


def suppliers_for_payments_panel(*, user):
    """The suppliers whose payment panel the user sees: staff all, members their own."""
    suppliers = Supplier.objects.order_by("name")
    if not user.is_staff:
        suppliers = suppliers.filter(memberships__user=user)
    return suppliers


def supplier_stripe_accounts(suppliers) -> dict[int, SupplierStripeAccount]:
    return {account.supplier_id: account for account in SupplierStripeAccount.objects.filter(supplier__in=suppliers)}
