from oscar.apps.order import processing

from .services import part_status_set


class EventHandler(processing.EventHandler):
    """Every status change made in the dashboard (order list or detail) goes through
    the part's status service, so stock, invoices and the buyer's notification follow."""

    def handle_order_status_change(self, order, new_status, note_msg=None):
        part_status_set(part=order, status=new_status)
        order.refresh_from_db()
        if note_msg:
            self.create_note(order, note_msg)
