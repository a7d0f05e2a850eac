from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path, re_path, reverse
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls

from .accounts import security_views
from .accounts import views as account_views
from .order.selectors import purchase_for_user


class PartToPurchaseRedirect(RedirectView):
    """Oscar's order page of a supplier's part: the buyer's purchase page holds it (the
    purchases list when the part is not one of the buyer's purchases)."""

    def get_redirect_url(self, *args, order_number="", **kwargs):
        Order = apps.get_model("order", "Order")
        purchase_number = Order.objects.filter(number=order_number).values_list("purchase__number", flat=True).first()
        if purchase_number and purchase_for_user(user=self.request.user, number=purchase_number):
            return reverse("purchases:detail", kwargs={"number": purchase_number})
        return reverse("purchases:list")


# Oscar's consumer pages that a B2B buyer does not use: its order history is our purchases,
# its account summary our account page, and there are no offers or vouchers (marketplace.basket.offers;
# their dashboard pages stay staff-only, off the menu, and change no total).
oscar_pages_replaced = [
    path("shop/accounts/", RedirectView.as_view(pattern_name="accounts:home")),
    path("shop/accounts/orders/", RedirectView.as_view(pattern_name="purchases:list")),
    path("shop/accounts/orders/<str:order_number>/", login_required(PartToPurchaseRedirect.as_view())),
    path("shop/accounts/orders/<str:order_number>/<int:line_id>/", login_required(PartToPurchaseRedirect.as_view())),
    re_path(r"^shop/offers/", RedirectView.as_view(pattern_name="catalogue:index")),
]

# One sign-in page (ours, throttled): the others send people to it, keeping ?next= (by
# default, back to the area whose sign-in page they opened).
other_sign_in_pages = [
    path("shop/accounts/login/", account_views.sign_in_redirect(default_next="/accounts/")),
    path("shop/dashboard/login/", account_views.sign_in_redirect(default_next="/shop/dashboard/")),
    path("shop/accounts/register/", RedirectView.as_view(pattern_name="accounts:signup", query_string=True)),
    # Signing out changes state: POST only (Oscar's own view signs out on a GET).
    path("shop/accounts/logout/", auth_views.LogoutView.as_view()),
    path("shop/password-reset/confirm/<str:uidb64>/<str:token>/", account_views.PasswordResetConfirmView.as_view()),
    path("shop/accounts/profile/delete/", login_required(account_views.ProfileDeleteView.as_view())),
    path("shop/accounts/change-password/", login_required(security_views.ChangePasswordView.as_view())),
]

# Paths without a language prefix, in the language a person chose (marketplace.core.urls_neutral).
urlpatterns = [path("", include("marketplace.core.urls_neutral"))]
if settings.BENCH_BARE_VIEW:  # `make bench-load`'s baseline: every middleware, no query, no template
    urlpatterns.append(path("bench/bare/", lambda request: HttpResponse("bare")))

# Every page people read has its language in its address: English unprefixed (/shop/),
# the others prefixed (/fr/shop/, /sr-latn/shop/). See docs/development.md, Translations.
urlpatterns += i18n_patterns(
    *other_sign_in_pages,
    *oscar_pages_replaced,
    path("accounts/", include("marketplace.accounts.urls")),
    path("accounts/notifications/", include("marketplace.notifications.urls")),
    path("privacy/", include("marketplace.privacy.urls")),
    path("payments/", include("marketplace.payments.urls")),
    path("shop/purchases/", include("marketplace.order.urls")),
    path("impact/", include("marketplace.impact.urls")),
    path("impact/", include("marketplace.deductions.urls")),
    path("impact/", include("marketplace.spend.urls")),
    path("workspace/", include("marketplace.workspace.urls")),
    path("coordination/", include("marketplace.networks.dashboard.urls")),
    path("workspace/", include("marketplace.deductions.urls_workspace")),
    path("workspace/", include("marketplace.networks.urls_workspace")),
    path("coordination/", include("marketplace.networks.urls")),
    path("workspace/", include("marketplace.verification.urls_workspace")),
    path("workspace/", include("marketplace.audit.urls_workspace")),
    path("verification/", include("marketplace.verification.urls")),
    path("", include("marketplace.sourcing.urls")),
    path("", include("marketplace.apikeys.urls")),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("", include("marketplace.audit.urls")),
    path("", include("marketplace.webhooks.urls")),
    path("", include("marketplace.organisations.urls")),
    path("", include("cms.urls")),
    # Wagtail serves every other path, so it comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
