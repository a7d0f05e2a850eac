"""The supplier's steps on its order parts from the workspace. The status flow and its
effects (stock, invoice, the buyer's e-mail) are the order app's `part_status_set`; here
is only what the workspace adds: a decline must say why, and the reason is kept as a
note on the part, where the dashboard keeps the notes of a part too."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core import limits
from marketplace.order.models import Order, PartStatus
from marketplace.order.services import part_status_set

OrderNote = get_model("order", "OrderNote")


def part_step(*, part: Order, status: str, by, reason: str = "") -> Order:
    """Moves the part to `status` for a member of its supplier. Declining needs a reason,
    stored as a note by `by`. Raises ValidationError for a missing or too long reason and
    InvalidOrderStatus (from part_status_set) for a step the flow does not allow."""
    reason = (reason or "").strip()
    if status == PartStatus.REJECTED:
        if not reason:
            raise ValidationError({"reason": _("Say why you decline this order part.")})
        limits.length_check(reason, limit=limits.REASON, field="reason")
    with transaction.atomic():
        part = part_status_set(part=part, status=status)
        if status == PartStatus.REJECTED:
            OrderNote.objects.create(
                order=part, user=by, note_type=OrderNote.INFO, message=_("Declined: %(reason)s") % {"reason": reason}
            )
    return part
