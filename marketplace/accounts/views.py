from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.generic import FormView, TemplateView, View
from oscar.core.loading import get_class

from marketplace.organisations import selectors as organisation_selectors

from .forms import SignUpForm
from .services import account_delete, confirmation_accept, confirmation_send, sign_up, user_language_set
from .sessions import password_changed
from .throttling import account_unlock
from .two_factor import has_two_factor

AUTH_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


def safe_next_url(request, default):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


class SignUpView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("accounts:home")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # The same page whether or not the address had an account (see services.sign_up).
        with transaction.atomic():
            user = sign_up(form=form)
            if user is not None:
                confirmation_send(user=user, next_path=safe_next_url(self.request, ""))
        return render(self.request, "accounts/check_email.html", {"email": form.cleaned_data["email"]})


class ConfirmView(View):
    """The link of the confirmation e-mail: the account works from now on, and its owner is signed in."""

    def get(self, request, uidb64, token):
        user = confirmation_accept(uidb64=uidb64, token=token)
        if user is None:
            return render(request, "accounts/confirm_invalid.html", status=400)
        login(request, user, backend=AUTH_BACKEND)
        messages.success(request, _("Welcome, %(name)s. Your account is ready.") % {"name": user.first_name})
        return redirect(safe_next_url(request, "accounts:home"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.request.GET.get("next", ""), **kwargs)


def set_language(request):
    """Django's language switch (the footer's): its cookie, its check that `next` stays on
    this site, and for a signed-in person their choice remembered (User.language). `next`
    (the page the switch was used on) is read in its own language, so that Django finds
    the same page in the chosen one (/fr/shop/ -> /de/shop/)."""
    next_url = request.POST.get("next", request.GET.get("next", ""))
    with translation.override(translation.get_language_from_path(urlsplit(next_url).path) or settings.LANGUAGE_CODE):
        response = i18n.set_language(request)
    # The cookie is set only for a language Django accepted.
    chosen = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen is not None and request.user.is_authenticated:
        user_language_set(user=request.user, language=chosen.value)
    return response


class AccountHomeView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/home.html"

    def get_context_data(self, **kwargs):
        memberships = organisation_selectors.user_memberships(user=self.request.user)
        offer_two_factor = any(membership.is_admin for membership in memberships) and not has_two_factor(
            self.request.user
        )
        return super().get_context_data(memberships=memberships, offer_two_factor=offer_two_factor, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Oscar's step that sets the new password, which also lifts a sign-in lock-out
    (whoever can read the account's e-mail is its owner) and signs out every session."""

    form_class = SetPasswordForm
    success_url = reverse_lazy("password-reset-complete")
    template_name = "oscar/registration/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        account_unlock(user=form.user, request=self.request)
        password_changed(user=form.user)
        return response


class ProfileDeleteView(get_class("customer.views", "ProfileDeleteView")):
    """Oscar's account deletion, through the service that keeps every organisation an administrator."""

    def form_valid(self, form):
        try:
            account_delete(user=self.request.user)
        except ValidationError as error:
            messages.error(self.request, error.messages[0])
            return redirect("accounts:home")
        messages.success(self.request, _("Your account is deleted. Thank you for buying and selling responsibly."))
        return redirect(self.get_success_url())


def sign_in_redirect(*, default_next: str):
    """A view sending another sign-in page's visitors to ours, keeping where they were going."""

    def view(request, *args, **kwargs):
        query = request.GET.copy()
        query.setdefault("next", default_next)
        return redirect(f"{reverse('accounts:login')}?{query.urlencode(safe='/')}")

    return view
