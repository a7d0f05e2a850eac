"""The network dashboard: its coordinators and its partners' people read the figures and
download them; coordinators choose the figures the public page shows. Anyone else gets
a 404, as if the dashboard did not exist."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.organisations.models import Network

from ..models import HeadlineFigure, TeamRole
from ..selectors import team_role
from . import services
from .exports import figures_download, method_paragraphs, month_label
from .forms import DashboardPeriodForm, PublishedFiguresForm
from .headlines import headline_values, published_figures
from .selectors import network_figures


class NetworkTeamMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.network = get_object_or_404(Network, slug=kwargs["slug"])
        self.role = team_role(request.user, self.network)
        if self.role is None:
            raise Http404(_("No network dashboard at this address."))
        return super().dispatch(request, *args, **kwargs)


class FiguresMixin(NetworkTeamMixin):
    def figures_load(self) -> None:
        """The figures over the period asked for (None, and the form's errors, for a bad period)."""
        self.form, self.figures = DashboardPeriodForm(self.request.GET), None
        if self.form.is_valid():
            self.figures = network_figures(network=self.network, period=self.form.period)


class DashboardView(FiguresMixin, TemplateView):
    template_name = "networks/dashboard.html"

    def get(self, request, *args, **kwargs):
        self.figures_load()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = {
            "network": self.network,
            "form": self.form,
            "figures": self.figures,
            "is_coordinator": self.role == TeamRole.COORDINATOR,
        }
        if self.figures is not None:
            figures, period = self.figures, self.form.period
            values = headline_values(figures)
            chosen = published_figures(self.network)
            context.update(
                period=urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()}),
                method=method_paragraphs(figures),
                published_form=PublishedFiguresForm(initial={"figures": chosen}),
                published=[(f.label, values[f]) for f in HeadlineFigure if f in chosen],
                charts=charts(figures),
            )
        return super().get_context_data(**context, **kwargs)

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=200 if self.figures else 400, **kwargs)


def charts(figures) -> dict:
    """The charts' figures for static/js/impact_charts.js; the tables beside them hold the same."""
    result = {
        "members": {
            "title": _("Members by month"),
            "labels": [month_label(row.month) for row in figures.months],
            "values": [row.members for row in figures.months],
            "vertical": True,
            "unit": _("Members"),
        }
    }
    for key, title, rows in figures.breakdowns:
        result[key] = {"title": str(title), "labels": [r.label for r in rows], "values": [float(r.spend) for r in rows]}
    return result


class DashboardExportView(FiguresMixin, View):
    def get(self, request, slug, fmt):
        self.figures_load()
        if self.figures is None:
            return redirect("network_dashboard:dashboard", slug=slug)
        return figures_download(self.figures, fmt)


class PublishedFiguresView(NetworkTeamMixin, View):
    def post(self, request, slug):
        if self.role != TeamRole.COORDINATOR:
            raise PermissionDenied(_("Only the network's coordinators choose the figures its public page shows."))
        form = PublishedFiguresForm(request.POST)
        if form.is_valid():
            services.published_figures_set(network=self.network, figures=form.cleaned_data["figures"])
            messages.success(
                request,
                _("The public page of %(network)s now shows the figures you chose.") % {"network": self.network.name},
            )
        else:
            messages.error(request, _("Choose figures from the list."))
        return redirect("network_dashboard:dashboard", slug=slug)
