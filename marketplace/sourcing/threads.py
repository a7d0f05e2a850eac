"""Conversations between buyers and suppliers ("contact this supplier"): reads and
writes. Members of both organisations see the conversation; e-mail addresses stay
hidden until their owner shares theirs in it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import limits
from marketplace.order.selectors import buyers_of
from marketplace.organisations.selectors import is_member

from . import notifications
from .models import Message, Thread
from .selectors import suppliers_of


def threads_for(user):
    return (
        Thread.objects.filter(Q(buyer__in=buyers_of(user)) | Q(supplier__in=suppliers_of(user)))
        .select_related("buyer", "supplier")
        .order_by("-last_message_at", "-pk")
    )


def thread_get(*, user, pk) -> Thread | None:
    return threads_for(user).filter(pk=pk).first()


def thread_side(*, thread: Thread, user) -> str:
    """The user's side of the conversation (a member of both sides writes as the buyer)."""
    if is_member(user=user, organisation=thread.buyer):
        return Message.Side.BUYER
    if is_member(user=user, organisation=thread.supplier):
        return Message.Side.SUPPLIER
    raise PermissionDenied(_("Only members of %(buyer)s and %(supplier)s take part in this conversation.") % {
        "buyer": thread.buyer.name, "supplier": thread.supplier.name})  # fmt: skip


def thread_messages(thread: Thread):
    """Each message with the author's e-mail address when the author chose to share it."""
    shared = set(thread.email_shared_by.values_list("pk", flat=True))
    messages = list(thread.messages.select_related("author"))
    for message in messages:
        message.shared_email = message.author.email if message.author_id in shared else ""
    return messages


@transaction.atomic
def thread_start(*, buyer, supplier, by, subject: str, body: str, share_email: bool = False) -> Thread:
    if not is_member(user=by, organisation=buyer):
        raise PermissionDenied(_("Only members of %(buyer)s can write in its name.") % {"buyer": buyer.name})
    if not supplier.verified:
        raise ValidationError(_("This social enterprise cannot be contacted until it is verified."))
    if not subject.strip():
        raise ValidationError({"subject": _("Give your message a subject.")})
    limits.length_check(subject.strip(), limit=limits.TITLE, field="subject")
    thread = Thread.objects.create(
        buyer=buyer, supplier=supplier, subject=subject.strip(), started_by=by, last_message_at=timezone.now()
    )
    message_post(thread=thread, by=by, body=body, share_email=share_email)
    return thread


@transaction.atomic
def message_post(*, thread: Thread, by, body: str, share_email: bool = False) -> Message:
    """Posts a message and tells the other side's members by e-mail (replies go to the
    author only if they shared their address)."""
    side = thread_side(thread=thread, user=by)
    if not body.strip():
        raise ValidationError({"body": _("Write your message.")})
    limits.length_check(body.strip(), limit=limits.MESSAGE, field="body")
    if share_email:
        thread.email_shared_by.add(by)
    message = Message.objects.create(thread=thread, author=by, side=side, body=body.strip())
    Thread.objects.filter(pk=thread.pk).update(last_message_at=message.created_at)
    other = thread.supplier_id if side == Message.Side.BUYER else thread.buyer_id
    reply_to = by.email if thread.email_shared_by.filter(pk=by.pk).exists() else None
    transaction.on_commit(
        lambda: notifications.message_posted(message, notifications.members([other]), reply_to=reply_to)
    )
    return message
