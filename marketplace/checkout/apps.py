import oscar.apps.checkout.apps as apps
from django.contrib.auth.decorators import login_required
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked: B2B checkout is one page (billing entity, VAT ID,
    purchase-order reference, delivery, notes per supplier, payment) placing one
    purchase split per supplier. Oscar's multi-step consumer flow (shipping methods,
    address book, guest checkout) does not apply, so its URLs are not served."""

    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        self.checkout_view = get_class("checkout.views", "CheckoutView")

    def get_urls(self):
        return [path("", login_required(self.checkout_view.as_view()), name="index")]
