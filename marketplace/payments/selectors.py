from django.conf import settings


def card_payments_enabled() -> bool:
    """Card payment is offered only where Stripe keys are configured."""
    return bool(getattr(settings, "STRIPE_SECRET_KEY", "") and getattr(settings, "STRIPE_PUBLISHABLE_KEY", ""))
