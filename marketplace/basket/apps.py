import oscar.apps.basket.apps as apps
from django.contrib.auth.decorators import login_required
from django.urls import path


class BasketConfig(apps.BasketConfig):
    """Oscar's basket without vouchers: a B2B shop has none (see marketplace.basket.offers),
    so the voucher add and remove addresses are not served."""

    name = "marketplace.basket"

    def get_urls(self):
        urls = [
            path("", self.summary_view.as_view(), name="summary"),
            path("add/<int:pk>/", self.add_view.as_view(), name="add"),
            path("saved/", login_required(self.saved_view.as_view()), name="saved"),
        ]
        return self.post_process_urls(urls)
