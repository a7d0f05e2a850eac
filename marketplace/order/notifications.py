"""E-mails and account notifications about purchases. The order services call these
after the commit.

Who hears what:
- the buyer's side: the person who placed the purchase hears of placing and of every
  status change of every part, with the invoice PDF attached when a supplier accepts.
  Their colleagues are not mailed (a busy procurement team would get every step of every
  colleague's purchase); they see the purchases and invoices in their account. If the
  person who placed it has left the organisation, its administrators hear instead, so
  news of the organisation's purchase never goes to someone outside it. Invoices also go
  to the buyer's "e-mail for invoices" (accounts payable) when it is set;
- each supplier's members hear of their own new part only: lines, totals, delivery,
  the buyer's note to them. Never another supplier's part of the same purchase.

Every message to a person with an account reaches them as they chose for its kind
(marketplace.notifications: by e-mail and as an Oscar notification listed at
/shop/accounts/notifications/, at once or in a summary); invoices and credit notes always
at once. One failing recipient is logged and the others still get theirs.

Each person reads the message (its subject, text and attached invoice) in their own
language (marketplace.core.languages), whoever caused it: it is written once per language
among its recipients. An address without an account (the buyer's e-mail for invoices)
reads the language of the person who placed the purchase."""

import functools

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from marketplace.core import languages
from marketplace.core.mail import absolute_url
from marketplace.notifications import kinds
from marketplace.notifications.delivery import Message, deliver
from marketplace.organisations.models import Membership, Role

from .models import PartStatus, part_status_label
from .selectors import part_lines


def purchase_url(purchase) -> str:
    # The buyer's purchase pages live in another app; until it is installed, its path is known.
    try:
        path = reverse("purchases:detail", kwargs={"number": purchase.number})
    except NoReverseMatch:
        path = f"/shop/purchases/{purchase.number}/"
    return absolute_url(path)


def part_workspace_url(part) -> str:
    """Where the supplier's members confirm or decline the part: their workspace."""
    return absolute_url(reverse("workspace:part-detail", kwargs={"slug": part.supplier.slug, "number": part.number}))


def members(organisation_ids, *, role=None) -> list:
    """The members of these organisations (of that role), each once."""
    memberships = Membership.objects.filter(organisation_id__in=organisation_ids).select_related("user")
    if role:
        memberships = memberships.filter(role=role)
    return list(dict.fromkeys(membership.user for membership in memberships.order_by("pk")))


def buyer_recipients(purchase) -> list:
    """Who hears of a purchase on the buyer's side (see the module's docstring)."""
    if purchase.placed_by_id:
        placer = Membership.objects.filter(organisation_id=purchase.buyer_id, user_id=purchase.placed_by_id)
        if placer.exists():
            return [purchase.placed_by]
    return members([purchase.buyer_id], role=Role.ADMIN)


def _parts_with_lines(purchase) -> list:
    parts = purchase.parts.select_related("supplier").order_by("number")
    return [(part, list(part_lines(part))) for part in parts]


def purchase_placed(purchase) -> None:
    parts = _parts_with_lines(purchase)
    deliver(
        lambda: Message(
            subject=_("Purchase %(number)s placed") % {"number": purchase.number},
            text=render_to_string(
                "order/emails/purchase_placed.txt",
                {"purchase": purchase, "parts": parts, "url": purchase_url(purchase)},
            ),
        ),
        users=buyer_recipients(purchase),
        kind=kinds.PURCHASE_PLACED,
    )
    for part, lines in parts:
        deliver(
            functools.partial(_part_placed_message, purchase, part, lines),
            users=members([part.supplier_id]),
            kind=kinds.ORDER_RECEIVED,
        )


def _part_placed_message(purchase, part, lines) -> Message:
    return Message(
        subject=_("New order %(number)s from %(buyer)s") % {"number": part.number, "buyer": purchase.buyer.name},
        text=render_to_string(
            "order/emails/part_placed.txt",
            {"purchase": purchase, "part": part, "lines": lines, "url": part_workspace_url(part)},
        ),
    )


def part_status_changed(part, old_status: str, *, reason: str = "") -> None:
    """The buyer hears of the part's new status, with the supplier's `reason` when it
    gave one (it must, to decline or cancel)."""
    purchase = part.purchase
    if purchase is None:
        return
    invoice = part.invoice_or_none
    credit_note = part.credit_note_or_none
    # The document the step issued goes with the message: the invoice on acceptance, the
    # credit note that cancels it on a later cancellation.
    attached = (
        invoice if part.status == PartStatus.ACCEPTED else credit_note if part.status in PartStatus.CLOSED else None
    )
    attach_invoice = attached is not None

    def render():
        message = Message(
            subject=_("Order %(number)s from %(supplier)s: %(status)s")
            % {"number": part.number, "supplier": part.supplier.name, "status": part_status_label(part.status)},
            text=render_to_string(
                "order/emails/part_status_changed.txt",
                {
                    "purchase": purchase,
                    "part": part,
                    "old_status": old_status,
                    "reason": reason,
                    "invoice": invoice,
                    "credit_note": credit_note,
                    "url": purchase_url(purchase),
                },
            ),
        )
        if attach_invoice:
            message.attachments.append(attached.email_attachment())
        return message

    users = buyer_recipients(purchase)
    addresses = []
    billing_email = purchase.buyer.billing_email
    if attach_invoice and billing_email and billing_email.lower() not in {user.email.lower() for user in users}:
        addresses.append(billing_email)
    # A message with an invoice or credit note is the legally required one, sent whatever the buyer chose.
    kind = kinds.INVOICE_ISSUED if attach_invoice else kinds.PART_STATUS_CHANGED
    deliver(render, users=users, addresses=addresses, kind=kind, language=languages.of(purchase.placed_by))
