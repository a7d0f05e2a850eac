"""Orders in the dashboard, scoped to the supplier's own lines.

Oscar lets a partner user open any order with at least one of its lines, then
shows and acts on the whole order: every line (other suppliers' too, with their
prices), every note (and lets them be edited or deleted), the order-level status,
payment events and the shipping address. In a marketplace an order mixes
suppliers, so for non-staff users these views keep to the user's partners'
lines, their colleagues' notes, and allow order-level changes only on an order
whose every line is theirs. Staff keep Oscar's behaviour."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import views as oscar_views
from oscar.core.loading import get_model

from marketplace.dashboard.access import user_partners
from marketplace.sourcing.exports import csv_cell

Line = get_model("order", "Line")

# Oscar's own lookups stay in use: an order is reachable when one of its lines is the user's.
queryset_orders_for_user = oscar_views.queryset_orders_for_user
get_order_for_user_or_404 = oscar_views.get_order_for_user_or_404


def order_wholly_theirs(user, order) -> bool:
    """True when every line of the order is sold by one of the user's partners."""
    return user.is_staff or not order.lines.exclude(partner__in=user_partners(user)).exists()


def visible_notes(user, order):
    """Staff see every note; a supplier's member sees the notes written by the
    members of their own partners (including the system notes of their actions)."""
    if user.is_staff:
        return order.notes.all()
    return order.notes.filter(user__partners__in=user_partners(user)).distinct()


class OrderListView(oscar_views.OrderListView):
    def get_queryset(self):
        return super().get_queryset().select_related("purchase__buyer")

    def get_row_values(self, order):
        """The CSV: suppliers get the buyer organisation and its contact, never the
        personal e-mail of who ordered (operators still do); typed text never runs as a formula."""
        row = super().get_row_values(order)
        if not self.request.user.is_staff:
            buyer = order.purchase.buyer if order.purchase_id else None
            row["customer"] = f"{buyer.name} <{buyer.email or buyer.billing_email}>" if buyer else ""
        return {column: csv_cell(value) for column, value in row.items()}

    def change_order_status(self, request, order):
        if not order_wholly_theirs(request.user, order):
            messages.error(
                request,
                _("Order %(number)s also holds other suppliers' lines: change the status of your lines instead.")
                % {"number": order.number},
            )
            return None
        return super().change_order_status(request, order)


class OrderDetailView(oscar_views.OrderDetailView):
    supplier_template_name = "oscar/dashboard/orders/supplier_order_detail.html"
    # Order-level actions that change what other suppliers share.
    whole_order_actions = ("change_order_status", "create_order_payment_event")

    def get_template_names(self):
        if self.request.user.is_staff:
            return super().get_template_names()
        return [self.supplier_template_name]

    def get_order_lines(self):
        lines = super().get_order_lines()
        if self.request.user.is_staff:
            return lines
        return lines.filter(partner__in=user_partners(self.request.user))

    def handle_order_action(self, request, order, action):
        if action in self.whole_order_actions and not order_wholly_theirs(request.user, order):
            return self.reload_page(error=_("This order also holds other suppliers' lines: act on your lines."))
        return super().handle_order_action(request, order, action)

    def get_order_note_form(self):
        note_id = self.kwargs.get("note_id")
        if note_id and not visible_notes(self.request.user, self.object).filter(id=note_id).exists():
            raise Http404(_("No such note."))
        return super().get_order_note_form()

    def delete_note(self, request, order):
        if (
            not request.user.is_staff
            and not order.notes.filter(id=request.POST.get("note_id") or None, user=request.user).exists()
        ):
            messages.error(request, _("Note cannot be deleted"))
            return self.reload_page()
        return super().delete_note(request, order)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        if not user.is_staff:
            lines = ctx["lines"]
            ctx["notes"] = visible_notes(user, self.object)
            ctx["shipping_events"] = (
                self.object.shipping_events.filter(line_quantities__line__in=lines)
                .distinct()
                .prefetch_related("line_quantities__line")
            )
            ctx["lines_total"] = lines.aggregate(total=Sum("line_price_incl_tax"))["total"]
            ctx["order_wholly_theirs"] = order_wholly_theirs(user, self.object)
            ctx["payment_transactions"] = []
        return ctx


class LineDetailView(oscar_views.LineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        user = self.request.user
        if not user.is_staff and not user_partners(user).filter(pk=line.partner_id).exists():
            raise Http404(_("No such line."))
        return line


class ShippingAddressUpdateView(oscar_views.ShippingAddressUpdateView):
    def get_object(self, queryset=None):
        address = super().get_object(queryset)
        if not order_wholly_theirs(self.request.user, address.order):
            raise PermissionDenied(
                _("The delivery address of an order shared with other suppliers is the operators' to change.")
            )
        return address


class OrderStatsView(oscar_views.OrderStatsView):
    """Oscar's statistics sum whole orders; a supplier's member gets the totals
    of their own lines only."""

    def get_stats(self, filters):
        stats = super().get_stats(filters)
        user = self.request.user
        if user.is_staff:
            return stats
        lines = Line.objects.filter(
            order__in=queryset_orders_for_user(user).filter(**filters), partner__in=user_partners(user)
        )
        stats["total_lines"] = lines.count()
        stats["total_revenue"] = lines.aggregate(total=Sum("line_price_incl_tax"))["total"] or 0
        return stats
