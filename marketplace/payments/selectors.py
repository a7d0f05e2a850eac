"""Who may see which invoice: members of the invoicing supplier, members of the buyer
organisation of the purchase, and staff. Nobody else learns that an invoice exists.
And the reads of the card payment pages and the suppliers' payment panel."""

from django.conf import settings
from django.db.models import Q

from marketplace.order.models import Purchase
from marketplace.organisations.models import Supplier
from marketplace.organisations.selectors import is_member, organisations_of

from .models import Invoice, SupplierStripeAccount


def invoices_for_user(user):
    """The invoices a user may see, newest first: staff see all; others those of the
    suppliers and buyers they are members of."""
    invoices = Invoice.objects.select_related("supplier", "order__purchase__buyer", "corrects")
    if not user.is_authenticated:
        return invoices.none()
    if user.is_staff:
        return invoices
    organisations = organisations_of(user=user)
    return invoices.filter(Q(supplier__in=organisations) | Q(order__purchase__buyer__in=organisations))


def invoice_for_user(*, user, pk: int) -> Invoice | None:
    return invoices_for_user(user).filter(pk=pk).first()


def invoice_payable_by(*, user, invoice: Invoice) -> bool:
    """Only the supplier that issued the invoice (or staff) says it was paid: the buyer's
    word is not proof of a transfer."""
    if user.is_staff:
        return True
    return is_member(user=user, organisation=invoice.supplier_id)


def invoices_mark_payable(*, user, invoices) -> list[Invoice]:
    """Sets `can_mark_paid` on each invoice of a page for this user, in one query."""
    supplier_ids = set(organisations_of(user=user, model=Supplier).values_list("pk", flat=True))
    invoices = list(invoices)
    for invoice in invoices:
        invoice.can_mark_paid = invoice.status == Invoice.Status.OPEN and (
            user.is_staff or invoice.supplier_id in supplier_ids
        )
    return invoices


def card_payments_enabled() -> bool:
    """Card payment is offered only where Stripe keys are configured."""
    return bool(getattr(settings, "STRIPE_SECRET_KEY", "") and getattr(settings, "STRIPE_PUBLISHABLE_KEY", ""))


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
            number=number, payment_method=Purchase.PaymentMethod.CARD, buyer__in=organisations_of(user=user)
        )
        .select_related("card_payment")
        .first()
    )


def suppliers_for_payments_panel(*, user):
    """The suppliers whose payment panel the user sees: staff all, members their own."""
    suppliers = Supplier.objects.order_by("name")
    if not user.is_staff:
        suppliers = suppliers.filter(pk__in=organisations_of(user=user))
    return suppliers


def supplier_stripe_accounts(suppliers) -> dict[int, SupplierStripeAccount]:
    return {account.supplier_id: account for account in SupplierStripeAccount.objects.filter(supplier__in=suppliers)}
