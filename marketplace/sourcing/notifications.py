"""E-mails and account notifications of sourcing: sent after the commit by the
services (invitations to quote by background tasks, in batches).

Each side hears only what concerns it: an invited supplier hears of the need, of
answers to questions (never who asked) and of the outcome; the buyer's members hear
of questions, quotes and the deadline. Nobody's e-mail address is shown to the other
side: messages come from the platform, with a reply address only when its owner chose
to share it. One failing recipient is logged and the others still hear.

Everyone here has an account, and reads in their own language (marketplace.core.languages),
not in that of whoever caused the e-mail: see marketplace.order.notifications.deliver."""

import functools

from django.template.loader import render_to_string
from django.urls import reverse

from marketplace.core.mail import absolute_url
from marketplace.notifications import delivery, kinds
from marketplace.notifications.delivery import Message
from marketplace.order.notifications import members, part_workspace_url
from marketplace.organisations.models import Role

from .links import decline_url
from .models import Quote, QuotePartner


def deliver(users, template: str, context: dict, *, kind: str, reply_to=None) -> None:
    """Renders `sourcing/emails/<template>.txt` (subject on its first line) in each user's
    language and sends it to them as they chose for `kind` (e-mail, account notification)."""

    def render():
        subject, _, body = render_to_string(f"sourcing/emails/{template}.txt", context).partition("\n")
        return Message(subject=subject.strip(), text=body.lstrip("\n"))

    delivery.deliver(render, users=users, kind=kind, reply_to=reply_to)


def need_url(need) -> str:
    return absolute_url(reverse("sourcing:need-detail", kwargs={"pk": need.pk}))


def invitations_sent(invitations) -> None:
    _to_each_member(invitations, "invitation", kinds.NEED_INVITATION)


def deadline_reminders(invitations) -> None:
    _to_each_member(invitations, "deadline_reminder", kinds.NEED_DEADLINE_REMINDER)


def _to_each_member(invitations, template: str, kind: str) -> None:
    """One e-mail per member of each invited supplier: each carries that member's own link
    to decline from the e-mail (links.decline_url)."""
    for invitation in invitations:
        need = invitation.need
        for user in members([invitation.supplier_id]):
            deliver(
                [user],
                template,
                {
                    "need": need,
                    "supplier": invitation.supplier,
                    "url": need_url(need),
                    # Called by the template, so that the link is in the reader's language.
                    "decline_url": functools.partial(decline_url, invitation=invitation, user=user),
                },
                kind=kind,
            )


def question_asked(question) -> None:
    need = question.need
    deliver(
        members([need.buyer_id]),
        "question_asked",
        {"need": need, "question": question, "url": need_url(need)},
        kind=kinds.QUESTION_ASKED,
    )


def question_answered(question) -> None:
    need = question.need
    suppliers = need.invitations.values_list("supplier_id", flat=True)
    deliver(
        members(suppliers),
        "question_answered",
        {"need": need, "question": question, "url": need_url(need)},
        kind=kinds.QUESTION_ANSWERED,
    )


def quote_submitted(quote) -> None:
    need = quote.need
    deliver(
        members([need.buyer_id]),
        "quote_submitted",
        {"need": need, "quote": quote, "url": need_url(need)},
        kind=kinds.QUOTE_SUBMITTED,
    )


def need_closed(need) -> None:
    url = absolute_url(reverse("sourcing:need-compare", kwargs={"pk": need.pk}))
    quotes = need.quotes.filter(status=Quote.Status.SUBMITTED).count()
    deliver(
        members([need.buyer_id]), "need_closed", {"need": need, "quotes": quotes, "url": url}, kind=kinds.NEED_CLOSED
    )


def _partners_taking_part(quotes) -> list[int]:
    return list(
        QuotePartner.objects.filter(quote__in=quotes, status=QuotePartner.Status.ACCEPTED).values_list(
            "supplier_id", flat=True
        )
    )


def need_cancelled(need, *, by_operator: bool) -> None:
    suppliers = [*need.invitations.values_list("supplier_id", flat=True), *_partners_taking_part(need.quotes.all())]
    deliver(members(suppliers), "need_cancelled", {"need": need}, kind=kinds.NEED_CANCELLED)
    if by_operator:
        deliver(
            members([need.buyer_id]), "need_withdrawn", {"need": need, "url": need_url(need)}, kind=kinds.NEED_WITHDRAWN
        )


def need_awarded(award) -> None:
    """Each supplier of the awarded quote (its lead and partners, for a joint one) hears
    of its own order part; the suppliers of the other quotes, politely, of the choice."""
    need, quote = award.need, award.quote
    for part in award.purchase.parts.select_related("supplier"):
        deliver(
            members([part.supplier_id]),
            "quote_awarded",
            {"need": need, "quote": quote, "part": part, "url": part_workspace_url(part)},
            kind=kinds.QUOTE_AWARDED,
        )
    others = need.quotes.exclude(pk=quote.pk).exclude(status=Quote.Status.PREPARING)
    suppliers = [*others.values_list("supplier_id", flat=True), *_partners_taking_part(others)]
    deliver(members(suppliers), "quote_not_selected", {"need": need}, kind=kinds.QUOTE_NOT_SELECTED)


def joint_quote_url(quote) -> str:
    return absolute_url(reverse("sourcing:joint-quote", kwargs={"pk": quote.need_id, "quote_pk": quote.pk}))


def joint_partner_invited(partner) -> None:
    """The partner's administrators decide whether it takes part."""
    quote = partner.quote
    deliver(
        members([partner.supplier_id], role=Role.ADMIN),
        "joint_invitation",
        {"need": quote.need, "quote": quote, "partner": partner, "url": joint_quote_url(quote)},
        kind=kinds.JOINT_INVITATION,
    )


def joint_partner_answered(partner) -> None:
    """The lead hears when a partner takes part, declines or has its lines ready."""
    quote = partner.quote
    deliver(
        members([quote.supplier_id]),
        "joint_partner_answered",
        {"need": quote.need, "quote": quote, "partner": partner, "url": joint_quote_url(quote)},
        kind=kinds.JOINT_PARTNER_ANSWERED,
    )


def joint_quote_submitted(quote) -> None:
    deliver(
        members(_partners_taking_part([quote])),
        "joint_quote_submitted",
        {"need": quote.need, "quote": quote, "url": joint_quote_url(quote)},
        kind=kinds.JOINT_QUOTE_SUBMITTED,
    )


def message_posted(message, recipients, *, reply_to) -> None:
    thread = message.thread
    deliver(
        recipients,
        "message",
        {"thread": thread, "message": message, "url": absolute_url(thread.get_absolute_url())},
        kind=kinds.MESSAGE,
        reply_to=reply_to,
    )
