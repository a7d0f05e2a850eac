"""The person's notification settings (signed in), and the one-click unsubscribe
(no sign-in: the signed link is the proof, see links.py)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, View

from . import selectors, services
from .forms import PreferencesForm
from .kinds import kind_get
from .links import LinkInvalid, unsubscribe_read


class PreferencesView(LoginRequiredMixin, FormView):
    template_name = "notifications/settings.html"
    form_class = PreferencesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rows": selectors.preference_rows(user=self.request.user)}

    def form_valid(self, form):
        services.preferences_save(user=self.request.user, choices=form.choices())
        messages.success(self.request, _("Your choices are saved."))
        return redirect("notifications:settings")

    def form_invalid(self, form):
        messages.error(self.request, _("Choose one of the options offered for each notification."))
        return super().form_invalid(form)


class LinkMixin:
    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.user, self.kinds = unsubscribe_read(token)
        except LinkInvalid:
            return render(request, "notifications/link_invalid.html", status=400)
        self.token = token
        return super().dispatch(request, *args, **kwargs)

    def page(self, state: str):
        context = {"state": state, "token": self.token, "kinds": [kind_get(key) for key in self.kinds]}
        return render(self.request, "notifications/unsubscribe.html", context)


# RFC 8058: mail programs POST `List-Unsubscribe=One-Click` to the link without any
# cookie or CSRF token. The signed token in the path is what authorises it, so a forged
# cross-site POST can do nothing the token's holder could not.
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(LinkMixin, View):
    """GET asks to confirm (link checkers and previews open links); POST unsubscribes."""

    def get(self, request):
        return self.page("confirm")

    def post(self, request):
        services.unsubscribe(user=self.user, kinds=self.kinds)
        return self.page("done")


class ResubscribeView(LinkMixin, View):
    def post(self, request):
        services.resubscribe(user=self.user, kinds=self.kinds)
        return self.page("undone")
