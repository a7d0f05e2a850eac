"""The account's security pages: two-step sign-in (set up, recovery codes, turn off), its
step after the password, and the list of signed-in sessions."""

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View
from oscar.apps.customer.views import ChangePasswordView as OscarChangePasswordView

from . import sessions, two_factor
from .forms import CodeForm, SetupCodeForm, SignInForm, TwoFactorDisableForm
from .models import User
from .views import safe_next_url

# The sign-in waiting for its second step: who, through which backend, since when, going where.
PENDING_SESSION_KEY = "two_factor_pending"


class SignInView(auth_views.LoginView):
    """The sign-in page. When the account has two-step sign-in on, a right password leads
    to the code step instead of signing in."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.has_two_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
            "next": self.get_success_url(),
        }
        return redirect("accounts:sign-in-code")


def _pending_user(request):
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["at"] > settings.TWO_FACTOR_PENDING_SECONDS:
        return None, None
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending


class SignInCodeView(FormView):
    """The second step: a code from the app or a recovery code, after the password (or, for
    a session signed in before two-step sign-in was on, to pass it now). Wrong codes count
    as failed sign-ins for the throttling of sign-in (django-axes), as wrong passwords do."""

    template_name = "accounts/sign_in_code.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.pending = None
        if request.user.is_authenticated:
            self.user = request.user
            if request.user.is_verified() or not two_factor.has_two_factor(request.user):
                return redirect(safe_next_url(request, reverse("accounts:home")))
        else:
            self.user, self.pending = _pending_user(request)
            if self.user is None:
                messages.info(request, _("Sign in again: the code was not entered in time."))
                return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=safe_next_url(self.request, ""), **kwargs)

    def form_valid(self, form):
        request = self.request
        credentials = {"username": self.user.email}
        if not AxesProxyHandler.is_allowed(request, credentials):
            request.axes_locked_out, request.axes_credentials = True, credentials
            return self.form_invalid(form)
        device = two_factor.code_verify(user=self.user, code=form.cleaned_data["code"])
        if device is None:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error(
                "code",
                _(
                    "That code is not right, or came too soon after a wrong one. "
                    "Wait a few seconds and try the current code."
                ),
            )
            return self.form_invalid(form)
        if self.pending is not None:
            self.user.otp_device = device  # django-otp marks the new session as passed
            login(request, self.user, backend=self.pending["backend"])
            return redirect(self.pending["next"])
        django_otp.login(request, device)
        return redirect(safe_next_url(request, reverse("accounts:home")))


class SecurityView(LoginRequiredMixin, TemplateView):
    """/accounts/security/: two-step sign-in and the sessions signed in."""

    template_name = "accounts/security.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        current = self.request.session.session_key
        signed_in = list(sessions.user_sessions(user=user))
        for entry in signed_in:
            entry.device = sessions.device_name(entry.user_agent)
            entry.current = entry.session_key == current
        return super().get_context_data(
            two_factor_on=two_factor.has_two_factor(user),
            recovery_codes_left=two_factor.recovery_codes_left(user),
            operator=two_factor.is_operator(user),
            sessions=signed_in,
            others=sum(not entry.current for entry in signed_in),
            **kwargs,
        )


class TwoFactorSetupView(LoginRequiredMixin, FormView):
    """Add an authenticator app: a QR code and the same secret as text, then its first code."""

    template_name = "accounts/two_factor_setup.html"
    form_class = SetupCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and two_factor.has_two_factor(request.user):
            messages.info(request, _("Two-step sign-in is already on."))
            return redirect("accounts:security")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = two_factor.totp_pending(self.request.user)
        if device is None or self.request.method == "GET":
            device = two_factor.totp_setup_start(user=self.request.user)
        return super().get_context_data(
            qr_svg=two_factor.qr_svg(device),
            secret=two_factor.secret_base32(device),
            next=safe_next_url(self.request, ""),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        device = two_factor.totp_pending(user)
        codes = device and two_factor.totp_setup_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if not codes:
            form.add_error("code", _("That code is not right. Check the app's clock and type the code it shows now."))
            return self.form_invalid(form)
        django_otp.login(self.request, device)
        messages.success(self.request, _("Two-step sign-in is on."))
        return render(
            self.request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": safe_next_url(self.request, reverse("accounts:security"))},
        )


class RecoveryCodesView(LoginRequiredMixin, View):
    """New recovery codes (POST), shown once; only from a session that passed two-step sign-in."""

    def post(self, request):
        if not two_factor.has_two_factor(request.user):
            return redirect("accounts:security")
        if not request.user.is_verified():
            return redirect(f"{reverse('accounts:sign-in-code')}?{urlencode({'next': reverse('accounts:security')})}")
        codes = two_factor.recovery_codes_regenerate(user=request.user)
        messages.success(request, _("You have new recovery codes. The old ones no longer work."))
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("accounts:security")})


class TwoFactorDisableView(LoginRequiredMixin, FormView):
    """Turn two-step sign-in off, with the password and a code."""

    template_name = "accounts/two_factor_disable.html"
    form_class = TwoFactorDisableForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not two_factor.has_two_factor(request.user):
            return redirect("accounts:security")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(operator=two_factor.is_operator(self.request.user), **kwargs)

    def form_valid(self, form):
        user = self.request.user
        if two_factor.code_verify(user=user, code=form.cleaned_data["code"]) is None:
            form.add_error("code", _("That code is not right. Type the code your app shows now, or a recovery code."))
            return self.form_invalid(form)
        two_factor.two_factor_disable(user=user)
        messages.success(self.request, _("Two-step sign-in is off."))
        return redirect("accounts:security")


class SessionSignOutView(LoginRequiredMixin, View):
    def post(self, request, pk):
        user_session = get_object_or_404(sessions.user_sessions(user=request.user), pk=pk)
        if sessions.session_sign_out(
            user=request.user, session_id=user_session.pk, current_key=request.session.session_key
        ):
            messages.success(request, _("That session is signed out."))
        return redirect("accounts:security")


class SessionsSignOutOthersView(LoginRequiredMixin, View):
    def post(self, request):
        count = sessions.sessions_sign_out_others(user=request.user, current_key=request.session.session_key)
        messages.success(
            request,
            ngettext(
                "You are signed out everywhere else (%(count)s session).",
                "You are signed out everywhere else (%(count)s sessions).",
                count,
            )
            % {"count": count},
        )
        return redirect("accounts:security")


class ChangePasswordView(OscarChangePasswordView):
    """Oscar's password change, which keeps this session (update_session_auth_hash) and now
    signs out every other one."""

    def form_valid(self, form):
        previous_key = self.request.session.session_key
        response = super().form_valid(form)  # update_session_auth_hash gives this session a new key
        sessions.password_changed(
            user=self.request.user, current_key=self.request.session.session_key, previous_key=previous_key
        )
        return response
