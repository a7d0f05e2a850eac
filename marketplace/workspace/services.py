"""The supplier's steps on its order parts from the workspace. The status flow and its
effects (stock, invoice, refund, the buyer's e-mail, the reason kept as a note) are the
order app's `part_status_set`; here is only what the workspace adds: a supplier declines
a new part and cancels only a confirmed one, and must say why in either case."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import InvalidOrderStatus

from marketplace.core import limits
from marketplace.order.models import Order, PartStatus
from marketplace.order.services import part_status_set

from .selectors import CANCEL_FROM, CLOSING_STEPS


def part_step(*, part: Order, status: str, by, reason: str = "") -> Order:
    """Moves the part to `status` for `by`, a member of its supplier. Declining and
    cancelling need a reason, which the buyer is told. Raises ValidationError for a
    missing or too long reason and InvalidOrderStatus for a step the flow does not allow
    (a cancellation of a part not confirmed, or whatever part_status_set refuses)."""
    reason = (reason or "").strip()
    if status == PartStatus.CANCELLED and part.status != CANCEL_FROM:
        raise InvalidOrderStatus(_("Only a confirmed order part can be cancelled here; decline a new one instead."))
    if status not in CLOSING_STEPS:
        return part_status_set(part=part, status=status)
    if not reason:
        message = (
            _("Say why you decline this order part.")
            if status == PartStatus.REJECTED
            else _("Say why you cancel this order part.")
        )
        raise ValidationError({"reason": message})
    limits.length_check(reason, limit=limits.REASON, field="reason")
    return part_status_set(part=part, status=status, reason=reason, by=by)
