"""Oscar's order forms for operators, with each part status offered by its name in the
reader's language; the values posted stay Oscar's status keys."""

from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.apps.dashboard.orders.forms import *  # noqa: F403  (Oscar's fork convention)

from marketplace.order.models import part_status_label


def _named(choices):
    return [(value, part_status_label(value) if value else label) for value, label in choices]


class OrderSearchForm(oscar_forms.OrderSearchForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _named(self.fields["status"].choices)


class OrderStatusForm(oscar_forms.OrderStatusForm):
    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        self.fields["new_status"].choices = _named(self.fields["new_status"].choices)
