"""An organisation's API keys page: its administrators create keys (the whole key is
shown once, on the answer to the form) and revoke them. Anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from marketplace.organisations.models import Supplier
from marketplace.organisations.selectors import membership_get

from . import selectors, services
from .forms import ApiKeyForm
from .models import ApiKey


class ApiKeyAdminMixin(LoginRequiredMixin):
    organisation_model = Supplier

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_object_or_404(self.organisation_model, slug=kwargs["slug"])
        self.membership = membership_get(user=request.user, organisation=self.organisation)
        if self.membership is None or not self.membership.is_admin:
            raise Http404(_("Only administrators of this organisation manage its API keys."))
        return super().dispatch(request, *args, **kwargs)

    def keys_url(self):
        return f"apikeys:{self.organisation.kind}-keys"


class ApiKeysView(ApiKeyAdminMixin, FormView):
    template_name = "apikeys/api_keys.html"
    form_class = ApiKeyForm

    def form_valid(self, form):
        try:
            new = services.apikey_create(
                organisation=self.organisation,
                by=self.request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error("expires_on" if field == "expires_at" else field, errors)
            return self.form_invalid(form)
        # Shown on this answer only: the key is not kept, and the page is not cached.
        response = self.render_to_response(self.get_context_data(form=ApiKeyForm(), new_key=new))
        response["Cache-Control"] = "no-store"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.organisation,
            membership=self.membership,
            api_keys=selectors.organisation_api_keys(self.organisation),
            **kwargs,
        )


class ApiKeyRevokeView(ApiKeyAdminMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        api_key = get_object_or_404(ApiKey, pk=pk, organisation=self.organisation)
        services.apikey_revoke(api_key=api_key, by=request.user)
        messages.success(request, _("The key “%(name)s” no longer works.") % {"name": api_key.name})
        return redirect(self.keys_url(), slug=slug)
