"""A buyer organisation's impact report: only its members (and operators) see it."""

from urllib.parse import urlencode

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.core.replica import replica_view
from marketplace.order.selectors import buyers_of
from marketplace.organisations.models import Buyer
from marketplace.organisations.selectors import is_member

from .exports import method_text, report_download
from .forms import PeriodForm
from .selectors import impact_report


class ImpactHomeView(LoginRequiredMixin, View):
    def get(self, request):
        buyer = buyers_of(request.user).first()
        if buyer is None:
            raise PermissionDenied(_("The impact report is for members of a buyer organisation."))
        return redirect("impact:report", slug=buyer.slug)


class ReportMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.buyer = get_object_or_404(Buyer, slug=kwargs["slug"])
        if not (request.user.is_staff or is_member(user=request.user, organisation=self.buyer)):
            raise PermissionDenied(_("Only members of %(buyer)s see its report.") % {"buyer": self.buyer.name})
        self.form, self.report = PeriodForm(request.GET), None
        if self.form.is_valid():
            start, end = self.form.cleaned_data["start"], self.form.cleaned_data["end"]
            self.report = impact_report(buyer=self.buyer, start=start, end=end)
            self.form = PeriodForm(initial={"start": start, "end": end})  # shows the default dates too
        return super().dispatch(request, *args, **kwargs)


@replica_view
class ImpactReportView(ReportMixin, TemplateView):
    template_name = "impact/report.html"

    def get_context_data(self, **kwargs):
        context = {
            "buyer": self.buyer,
            "form": self.form,
            "report": self.report,
            "buyers": buyers_of(self.request.user),
        }
        if self.report is not None:
            report = self.report
            period = urlencode({"start": report.start.isoformat(), "end": report.end.isoformat()})
            context.update(
                period=period,
                method=method_text() % {"per_hour": report.spend_per_hour},
                charts={
                    key: {
                        "title": str(title),
                        "labels": [r.label for r in rows],
                        "values": [float(r.spend) for r in rows],
                    }
                    for key, title, rows in report.breakdowns
                },
            )
        return super().get_context_data(**context, **kwargs)

    def render_to_response(self, context, **kwargs):
        return super().render_to_response(context, status=200 if self.report else 400, **kwargs)


class ImpactExportView(ReportMixin, View):
    def get(self, request, slug, fmt):
        if self.report is None:
            return redirect("impact:report", slug=slug)
        return report_download(self.report, fmt)
