"""Organisation administrators' pages for webhooks: /suppliers/<slug>/webhooks/… and
/buyers/<slug>/webhooks/… (the same views, `organisation_model` set by the URLconf).
Anyone but an administrator of the organisation gets a 404 that says why."""

import json

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from marketplace.organisations import selectors as organisation_selectors
from marketplace.organisations.models import Supplier

from . import selectors, services
from .forms import EndpointForm
from .signing import HEADER, VERIFY_SNIPPET


def not_yours() -> str:
    return _("Only the administrators of an organisation manage its webhooks.")


class OrganisationAdminMixin(LoginRequiredMixin):
    organisation_model = Supplier

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_object_or_404(self.organisation_model, slug=kwargs["slug"])
        membership = organisation_selectors.membership_get(user=request.user, organisation=self.organisation)
        if membership is None or not membership.is_admin:
            raise Http404(not_yours())
        return super().dispatch(request, *args, **kwargs)

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"webhooks:{self.organisation.kind}-{name}", kwargs={"slug": self.organisation.slug, **kwargs})

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, kind=self.organisation.kind, **kwargs)


class EndpointMixin(OrganisationAdminMixin):
    """The organisation's endpoint in the URL (404 for any other)."""

    endpoint = None

    def get_endpoint(self):
        if self.endpoint is None:
            self.endpoint = selectors.endpoint_of(organisation=self.organisation, pk=self.kwargs["pk"])
        return self.endpoint


class EndpointListView(OrganisationAdminMixin, TemplateView):
    template_name = "webhooks/endpoint_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            endpoints=selectors.endpoints_of(organisation=self.organisation),
            snippet=VERIFY_SNIPPET,
            header=HEADER,
            **kwargs,
        )


class EndpointFormView(EndpointMixin, FormView):
    """Adds an endpoint (no pk in the URL) or changes one."""

    template_name = "webhooks/endpoint_form.html"
    form_class = EndpointForm

    def get_initial(self):
        if "pk" not in self.kwargs:
            return {}
        endpoint = self.get_endpoint()
        return {"url": endpoint.url, "description": endpoint.description, "events": endpoint.events}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if "pk" in self.kwargs:
                endpoint = services.endpoint_update(
                    endpoint=self.get_endpoint(),
                    url=data["url"],
                    events=data["events"],
                    description=data["description"],
                )
                messages.success(self.request, _("The endpoint has been saved."))
            else:
                endpoint = services.endpoint_create(
                    organisation=self.organisation,
                    url=data["url"],
                    events=data["events"],
                    description=data["description"],
                    by=self.request.user,
                )
                messages.success(self.request, _("The endpoint has been added. Its signing secret is below."))
        except ValidationError as error:
            form.add_error("url", error)
            return self.form_invalid(form)
        return redirect(endpoint.get_absolute_url())

    def get_context_data(self, **kwargs):
        endpoint = self.get_endpoint() if "pk" in self.kwargs else None
        return super().get_context_data(endpoint=endpoint, **kwargs)


class EndpointDetailView(EndpointMixin, TemplateView):
    template_name = "webhooks/endpoint_detail.html"

    def get_context_data(self, **kwargs):
        endpoint = self.get_endpoint()
        return super().get_context_data(
            endpoint=endpoint,
            deliveries=selectors.delivery_log(endpoint=endpoint),
            header=HEADER,
            **kwargs,
        )


class EndpointActionView(EndpointMixin, View):
    """POST only: roll the secret, send a test event, enable again, delete."""

    http_method_names = ["post"]

    def post(self, request, slug, pk, action):
        endpoint = self.get_endpoint()
        if action == "roll":
            services.endpoint_secret_roll(endpoint=endpoint)
            messages.success(request, _("A new signing secret has been made; the old one no longer signs."))
        elif action == "test":
            services.test_event_send(endpoint=endpoint)
            messages.success(request, _("A test event has been sent; its delivery is at the top of the log."))
        elif action == "enable":
            services.endpoint_enable(endpoint=endpoint)
            messages.success(request, _("The endpoint is active again; waiting events are being sent."))
        elif action == "delete":
            services.endpoint_delete(endpoint=endpoint)
            messages.success(request, _("The endpoint has been deleted."))
            return redirect(self.url("endpoints"))
        else:
            raise Http404
        return redirect(endpoint.get_absolute_url())


class DeliveryDetailView(EndpointMixin, TemplateView):
    template_name = "webhooks/delivery_detail.html"

    def get_context_data(self, **kwargs):
        endpoint = self.get_endpoint()
        delivery = selectors.delivery_of(endpoint=endpoint, pk=self.kwargs["delivery_pk"])
        payload = json.dumps(delivery.payload, indent=2, ensure_ascii=False)
        return super().get_context_data(endpoint=endpoint, delivery=delivery, payload=payload, **kwargs)


class RedeliverView(EndpointMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk, delivery_pk):
        endpoint = self.get_endpoint()
        delivery = selectors.delivery_of(endpoint=endpoint, pk=delivery_pk)
        services.delivery_redeliver(delivery=delivery)
        messages.success(request, _("The event has been sent again; the new delivery is at the top of the log."))
        return redirect(endpoint.get_absolute_url())
