"""Declining an invitation to quote from the link in its e-mail, without signing in
(see marketplace.sourcing.links for why)."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.generic import View

from .. import services
from ..forms import DeclineForm
from ..links import LinkInvalid, decline_read
from .access import error_text


class InvitationDeclineView(View):
    """GET shows the need and asks to confirm (mail scanners open links); POST declines."""

    template_name = "sourcing/invitation_decline.html"

    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.invitation, self.member = decline_read(token)
        except LinkInvalid:
            return render(request, "notifications/link_invalid.html", status=400)
        return super().dispatch(request, *args, **kwargs)

    def page(self, form, *, state, status=200, error=""):
        context = {"invitation": self.invitation, "need": self.invitation.need, "form": form, "state": state}
        return render(self.request, self.template_name, {**context, "error": error}, status=status)

    def state(self) -> str:
        if self.invitation.status == self.invitation.Status.DECLINED:
            return "declined"
        if self.invitation.status == self.invitation.Status.QUOTED or not self.invitation.need.accepts_quotes:
            return "closed"
        return "confirm"

    def get(self, request):
        return self.page(DeclineForm(), state=self.state())

    def post(self, request):
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return self.page(form, state="confirm", status=400)
        try:
            services.invitation_decline(invitation=self.invitation, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            return self.page(form, state=self.state(), status=400, error=error_text(error))
        return self.page(form, state="done")
