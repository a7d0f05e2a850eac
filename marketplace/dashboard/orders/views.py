"""Orders in the operators' dashboard: Oscar's views, with the CSV download safe to
open in a spreadsheet and the part statuses (stored as English keys) named in the
reader's language."""

from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views as oscar_views

from marketplace.order.models import part_status_label
from marketplace.sourcing.exports import csv_cell


class OrderListView(oscar_views.OrderListView):
    def get_row_values(self, order):
        """Text typed by buyers never runs as a formula in the CSV."""
        return {column: csv_cell(value) for column, value in super().get_row_values(order).items()}

    def get_search_filter_descriptions(self):
        descriptions = super().get_search_filter_descriptions()
        status = self.form.cleaned_data.get("status") if self.form.is_valid() else None
        if not status:
            return descriptions
        # Oscar's wording (and its translations), with the status by its name.
        stored = _("Order status is {order_status}").format(order_status=status)
        named = _("Order status is {order_status}").format(order_status=part_status_label(status))
        return [named if description == stored else description for description in descriptions]


class LineShown:
    """An order line as the detail page shows it: every attribute of the line, its
    status by name. Only for display; the page's actions look the lines up again."""

    def __init__(self, line):
        self._line = line

    def __getattr__(self, name):
        return getattr(self._line, name)

    @property
    def status(self) -> str:
        return part_status_label(self._line.status) if self._line.status else ""


class OrderDetailView(oscar_views.OrderDetailView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["lines"] = [LineShown(line) for line in ctx["lines"]]
        return ctx
