"""The "Get paid by card" panel (every supplier's Stripe account for operators, their own
for members) and Stripe Connect onboarding, which members start from their workspace's
Money page and come back to."""

import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from marketplace.organisations.selectors import membership_get

from . import card, gateway, selectors

logger = logging.getLogger(__name__)


def _back_to_payouts(request, supplier):
    """Where a supplier's member follows its payouts: the money page of its workspace.
    Staff who are not members (they reach any supplier's onboarding) go back to the panel."""
    if membership_get(user=request.user, organisation=supplier) is not None:
        return redirect("workspace:money", slug=supplier.slug)
    return redirect("payments:dashboard")


def _supplier_or_404(request, slug):
    supplier = selectors.suppliers_for_payments_panel(user=request.user).filter(slug=slug).first()
    if supplier is None or not selectors.card_payments_enabled():
        raise Http404
    return supplier


@login_required
@require_GET
def payments_panel(request):
    suppliers = list(selectors.suppliers_for_payments_panel(user=request.user))
    if not suppliers and not request.user.is_staff:
        raise PermissionDenied(_("This page is for the members of a social enterprise."))
    accounts = selectors.supplier_stripe_accounts(suppliers)
    return render(
        request,
        "payments/dashboard.html",
        {
            "rows": [(supplier, accounts.get(supplier.pk)) for supplier in suppliers],
            "enabled": selectors.card_payments_enabled(),
            "fee_percent": settings.PLATFORM_FEE_PERCENT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_start(request, slug):
    """Sends a supplier's member to Stripe's onboarding (the buttons of the workspace's
    money page and of the panel post here; Stripe comes back here by GET when a link has
    expired, for a fresh one)."""
    supplier = _supplier_or_404(request, slug)
    urls = {
        "refresh_url": request.build_absolute_uri(reverse("payments:onboarding-start", kwargs={"slug": slug})),
        "return_url": request.build_absolute_uri(reverse("payments:onboarding-return", kwargs={"slug": slug})),
    }
    try:
        return redirect(card.supplier_onboarding_link(supplier=supplier, **urls))
    except stripe.StripeError as error:
        logger.exception("Stripe onboarding of supplier %s failed.", supplier.pk)
        messages.error(
            request,
            _("Stripe could not start the onboarding: %(reason)s")
            % {"reason": error.user_message or _("please try again later.")},
        )
        return _back_to_payouts(request, supplier)


@login_required
@require_GET
def onboarding_return(request, slug):
    """Back from Stripe's onboarding: the account's state is read at once rather than
    waiting for the `account.updated` webhook, and said on the money page."""
    supplier = _supplier_or_404(request, slug)
    account = getattr(supplier, "stripe_account", None)
    if account is None:
        return _back_to_payouts(request, supplier)
    try:
        account = card.supplier_account_updated(account=gateway.account_retrieve(account.account_id))
    except stripe.StripeError:
        logger.exception("Stripe account of supplier %s could not be read.", supplier.pk)
    if account.can_receive_transfers:
        messages.success(request, _("Your Stripe account is ready: card payments are paid out to it."))
    else:
        messages.info(request, _("Stripe still needs some details before it can pay you out."))
    return _back_to_payouts(request, supplier)
