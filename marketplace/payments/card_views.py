"""The card pay page of a purchase, its return and cancel steps, and the Stripe webhook."""

import logging
from urllib.parse import urlsplit

import stripe
from csp.constants import SELF
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from marketplace.order.models import Purchase

from . import card, gateway, selectors
from .models import CardPayment
from .webhooks import InvalidWebhook, webhook_handle

logger = logging.getLogger(__name__)

UNAVAILABLE = gettext_lazy("Card payment is not available right now. Please try again in a few minutes.")


def _purchase_or_404(request, number) -> Purchase:
    purchase = selectors.purchase_to_pay(user=request.user, number=number)
    if purchase is None or not selectors.card_payments_enabled():
        raise Http404
    return purchase


def _to_basket(request, message):
    messages.warning(request, message)
    return redirect("basket:summary")


def _after_payment(request, purchase: Purchase):
    """Where a purchase that is no longer waiting for its payment leads the buyer."""
    if purchase.payment_status == Purchase.PaymentStatus.FAILED:
        return _to_basket(request, _("This payment was given up. Your basket is as you left it."))
    return redirect(purchase.get_absolute_url())


@login_required
@require_GET
def card_pay(request, number):
    purchase = _purchase_or_404(request, number)
    if purchase.payment_status != Purchase.PaymentStatus.AWAITING:
        return _after_payment(request, purchase)
    try:
        payment, intent = card.card_payment_start(purchase=purchase)
    except stripe.StripeError:
        logger.exception("Stripe could not start the payment of purchase %s.", purchase.number)
        messages.error(request, UNAVAILABLE)
        return render(request, "payments/card_pay.html", {"purchase": purchase, "unavailable": True}, status=503)
    if payment.status in (CardPayment.Status.SUCCEEDED, CardPayment.Status.CANCELED):
        purchase.refresh_from_db()
        return _after_payment(request, purchase)
    card_config = {
        "publishableKey": settings.STRIPE_PUBLISHABLE_KEY,
        "clientSecret": intent.client_secret,
        "returnUrl": request.build_absolute_uri(reverse("payments:card-return", kwargs={"number": number})),
        "confirmUrl": reverse("payments:card-confirm", kwargs={"number": number}),
        "cardElementFallback": selectors.card_element_fallback(),
        "csrfToken": get_token(request),
        "failed": _("Your card payment did not go through. Please check the details or use another card."),
    }
    response = render(
        request,
        "payments/card_pay.html",
        {
            "purchase": purchase,
            "payment": payment,
            "client_secret": intent.client_secret,
            "stripe_js_url": settings.STRIPE_JS_URL,
            "card_config": card_config,
        },
    )
    response._csp_update = _stripe_csp()  # read by django-csp's middleware, as its @csp_update does
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _stripe_csp() -> dict:
    """What Stripe.js needs on the pay page, added to the site's Content-Security-Policy:
    its script, the frames of its card fields and 3-D Secure, and calls to Stripe's API
    (or to the local fake Stripe, whose origin the settings name)."""
    js = _origin(settings.STRIPE_JS_URL)
    api = _origin(settings.STRIPE_API_BASE or "https://api.stripe.com")
    # Directives the site's policy leaves to default-src start again from 'self'.
    return {"script-src": [js], "frame-src": [SELF, js, "https://hooks.stripe.com"], "connect-src": [SELF, api]}


@login_required
@require_POST
def card_confirm(request, number):
    """Server-side confirmation for the card element fallback of the pay page (only
    against a local fake Stripe, see selectors.card_element_fallback)."""
    if not selectors.card_element_fallback():
        raise Http404
    purchase = _purchase_or_404(request, number)
    payment = CardPayment.objects.filter(purchase=purchase).first()
    payment_method = request.POST.get("payment_method", "")
    if payment is None or not payment_method:
        return JsonResponse({"error": _("Please enter your card details.")}, status=400)
    try:
        intent = card.card_payment_confirm(payment=payment, payment_method=payment_method)
    except stripe.StripeError:
        logger.exception("Stripe could not confirm the payment of purchase %s.", purchase.number)
        return JsonResponse({"error": UNAVAILABLE}, status=503)
    return JsonResponse({"status": intent.status, "error": card.payment_error(intent)})


@login_required
@require_GET
def card_return(request, number):
    """Where Stripe sends the buyer back after the payment (or its authentication)."""
    purchase = _purchase_or_404(request, number)
    payment = CardPayment.objects.filter(purchase=purchase).first()
    if payment is None:
        return redirect("payments:card-pay", number=number)
    try:
        intent = gateway.payment_intent_retrieve(payment.payment_intent_id)
        card.card_payment_sync(intent=intent)
        if intent.status in (CardPayment.Status.REQUIRES_PAYMENT_METHOD, CardPayment.Status.CANCELED):
            purchase = card.card_payment_give_up(purchase=purchase)
            reason = card.payment_error(intent) or _("The payment was not completed.")
            return _to_basket(
                request,
                _("Your card payment did not go through: %(reason)s Your basket is as you left it, ready to try again.")
                % {"reason": reason},
            )
    except stripe.StripeError:
        logger.exception("Stripe could not tell the outcome of purchase %s.", purchase.number)
        messages.error(request, UNAVAILABLE)
        return redirect("payments:card-pay", number=number)
    purchase.refresh_from_db()
    if purchase.payment_status == Purchase.PaymentStatus.PAID:
        messages.success(request, _("Thank you: your payment was received and your order is placed."))
    elif intent.status == CardPayment.Status.PROCESSING:
        messages.info(request, _("Your payment is being processed. We will tell you as soon as it is confirmed."))
    else:
        return redirect("payments:card-pay", number=number)
    return _after_payment(request, purchase)


@login_required
@require_POST
def card_cancel(request, number):
    """The buyer gives up paying: the stock is released and the basket reopened."""
    purchase = _purchase_or_404(request, number)
    try:
        purchase = card.card_payment_give_up(purchase=purchase)
    except stripe.StripeError:
        logger.exception("Stripe could not cancel the payment of purchase %s.", purchase.number)
        messages.error(request, UNAVAILABLE)
        return redirect("payments:card-pay", number=number)
    if purchase.payment_status == Purchase.PaymentStatus.AWAITING:
        messages.info(request, _("Your payment is already being processed and can no longer be cancelled."))
        return redirect("payments:card-pay", number=number)
    if purchase.payment_status == Purchase.PaymentStatus.FAILED:
        return _to_basket(request, _("Payment cancelled. Your basket is as you left it."))
    return _after_payment(request, purchase)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        webhook_handle(payload=request.body, signature=request.headers.get("Stripe-Signature"))
    except InvalidWebhook as error:
        logger.warning("Rejected a Stripe webhook: %s", error)
        return HttpResponseBadRequest("Invalid Stripe webhook.")
    return HttpResponse("OK")
