"""Orders in the operators' dashboard: Oscar's views, with the CSV download safe to
open in a spreadsheet."""

from oscar.apps.dashboard.orders import views as oscar_views

from marketplace.sourcing.exports import csv_cell


class OrderListView(oscar_views.OrderListView):
    def get_row_values(self, order):
        """Text typed by buyers never runs as a formula in the CSV."""
        return {column: csv_cell(value) for column, value in super().get_row_values(order).items()}
