from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from marketplace.organisations.models import Organisation
from marketplace.organisations.selectors import membership_get

from .forms import EraseForm
from .retention import rules_in_force
from .services import account_erase, organisation_erase, personal_data_zip


class PrivacyView(TemplateView):
    template_name = "privacy/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            operator_name=settings.PRIVACY_OPERATOR_NAME,
            operator_address=settings.PRIVACY_OPERATOR_ADDRESS,
            contact_email=settings.PRIVACY_CONTACT_EMAIL,
            basket_days=settings.PRIVACY_BASKET_DAYS,
            unconfirmed_days=settings.PRIVACY_UNCONFIRMED_ACCOUNT_DAYS,
            invitation_days=settings.PRIVACY_INVITATION_DAYS,
            email_failure_days=settings.PRIVACY_EMAIL_FAILURE_DAYS,
            session_days=settings.SESSION_COOKIE_AGE // 86400,
            language_days=settings.LANGUAGE_COOKIE_AGE // 86400 if settings.LANGUAGE_COOKIE_AGE else 0,
            retention_rules=rules_in_force(on=timezone.localdate()),
            **kwargs,
        )


class MyDataView(LoginRequiredMixin, FormView):
    """Download or erase one's data."""

    template_name = "privacy/my_data.html"
    form_class = EraseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            account_erase(user=self.request.user)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            return self.form_invalid(form)
        logout(self.request)
        messages.success(self.request, _("Your account and your personal data are erased."))
        return redirect("/")


class ExportView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        response = HttpResponse(personal_data_zip(user=request.user), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="responsible-personal-data.zip"'
        return response


class OrganisationEraseView(LoginRequiredMixin, FormView):
    """An administrator erases the organisation when it leaves; others get 404."""

    template_name = "privacy/organisation_erase.html"
    form_class = EraseForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = get_object_or_404(Organisation, slug=kwargs["slug"])
            membership = membership_get(user=request.user, organisation=self.organisation)
            if membership is None or not membership.is_admin:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def form_valid(self, form):
        organisation_erase(organisation=self.organisation)
        messages.success(
            self.request,
            _("%(name)s has left Responsible: its people and profile are erased.") % {"name": self.organisation.name},
        )
        return redirect("accounts:home")
