"""E-mails and account notifications about purchases: the buyer hears of placing and of
every status change of a part, each supplier of its own new part only."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from oscar.core.loading import get_model

from marketplace.organisations.models import Membership

Notification = get_model("communication", "Notification")


def _tell(users, *, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, context)
    for user in users:
        Notification.objects.create(recipient=user, subject=subject, body=body)
        if user.email:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _members(organisation):
    return [
        membership.user for membership in Membership.objects.filter(organisation=organisation).select_related("user")
    ]


def purchase_placed(purchase) -> None:
    parts = list(purchase.parts.select_related("supplier").prefetch_related("lines"))
    if purchase.placed_by:
        _tell(
            [purchase.placed_by],
            subject=f"Purchase {purchase.number} placed",
            template="order/emails/purchase_placed.txt",
            context={"purchase": purchase, "parts": parts},
        )
    for part in parts:
        _tell(
            _members(part.supplier),
            subject=f"New order {part.number} from {purchase.buyer.name}",
            template="order/emails/part_placed.txt",
            context={"purchase": purchase, "part": part, "lines": part.lines.all()},
        )


def part_status_changed(part, old_status: str) -> None:
    purchase = part.purchase
    if purchase is None or purchase.placed_by is None:
        return
    _tell(
        [purchase.placed_by],
        subject=f"Order {part.number}: {part.status}",
        template="order/emails/part_status_changed.txt",
        context={"purchase": purchase, "part": part, "old_status": old_status},
    )
