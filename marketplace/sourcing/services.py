"""Writes of sourcing: a need's lifecycle (draft → published → closed → awarded, or
cancelled), suppliers' answers (interest, questions, quotes) and the award, which
places an order part for the winner in the ordering flow. Views, commands and tasks
all come through here."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from catalogue.attributes import SERVICE
from marketplace.core import l10n, limits
from marketplace.core.validators import within_planning_horizon
from marketplace.order.services import CheckoutDetails, QuotedLine, QuotedPart, purchase_place_quoted
from marketplace.organisations.selectors import is_member
from marketplace.partner import vat_rules
from marketplace.verification.selectors import reserved_eligibility
from marketplace.webhooks import events as webhook_events

from . import notifications, tasks
from .files import validate_attachment
from .models import Award, Invitation, Need, NeedAttachment, Question, Quote, QuoteLine
from .selectors import joint_quote_of, quote_shares, suppliers_matching

# Invitations are sent by background tasks in batches of this many suppliers, so that a
# need with hundreds of matches neither blocks the buyer's page nor one long task.
INVITATION_BATCH_SIZE = 50


def _check_deadline(need: Need) -> None:
    if need.deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline for quotes must be in the future.")})


def _validated(need: Need) -> Need:
    need.full_clean(exclude=["buyer", "created_by", "cancelled_by"])
    return need


def _attach(need: Need, files) -> None:
    for upload in files:
        validate_attachment(upload)
        NeedAttachment.objects.create(need=need, file=upload, name=upload.name[:255], size=upload.size)


@transaction.atomic
def need_create(*, need: Need, sectors, by, attachments=()) -> Need:
    """Saves an unsaved need as a draft of its buyer. Nothing is saved if anything is wrong."""
    if not is_member(user=by, organisation=need.buyer):
        raise PermissionDenied(_("Only members of %(buyer)s can post its needs.") % {"buyer": need.buyer.name})
    if not sectors:
        raise ValidationError({"sectors": _("Choose at least one sector.")})
    need.status = Need.Status.DRAFT
    need.created_by = by
    _check_deadline(need)
    _validated(need).save()
    need.sectors.set(sectors)
    _attach(need, attachments)
    return need


@transaction.atomic
def need_update(*, need: Need, sectors, attachments=()) -> Need:
    """Changes a draft. A published need stays as suppliers received it."""
    if Need.objects.get(pk=need.pk).status != Need.Status.DRAFT:
        raise ValidationError(_("Only a draft can be changed; cancel the need and post a new one instead."))
    if not sectors:
        raise ValidationError({"sectors": _("Choose at least one sector.")})
    _check_deadline(need)
    _validated(need).save()
    need.sectors.set(sectors)
    _attach(need, attachments)
    return need


def _locked(need: Need) -> Need:
    return Need.objects.select_for_update().select_related("buyer").get(pk=need.pk)


@transaction.atomic
def need_publish(*, need: Need, by) -> Need:
    """Sends the need to every matching verified supplier (by background tasks, in
    batches) and schedules its closing at the deadline. Publishing twice does nothing."""
    need = _locked(need)
    if need.status != Need.Status.DRAFT:
        return need
    _check_deadline(need)
    matching = suppliers_matching(
        sectors=need.sectors.all(), country=need.country, region=need.region, reserved_in=need.reserved_in
    )
    matches = list(matching.values_list("pk", flat=True))
    if not matches and need.reserved_contract:
        raise ValidationError(
            _(
                "No verified supplier that may take a reserved contract under the law of %(country)s works in "
                "these sectors and serves %(place)s yet: add a sector, choose a wider area, or do not reserve the need."
            )
            % {"country": need.buyer.country.name, "place": need.place}
        )
    if not matches:
        raise ValidationError(
            _(
                "No verified supplier works in these sectors and serves %(place)s yet: "
                "add a sector or choose a wider area."
            )
            % {"place": need.place}
        )
    Invitation.objects.bulk_create([Invitation(need=need, supplier_id=pk) for pk in matches])
    need.status = Need.Status.PUBLISHED
    need.published_at = timezone.now()
    need.save(update_fields=["status", "published_at", "updated_at"])
    webhook_events.need_published(need)
    batches = [matches[i : i + INVITATION_BATCH_SIZE] for i in range(0, len(matches), INVITATION_BATCH_SIZE)]
    for batch in batches:
        transaction.on_commit(lambda batch=batch: tasks.invitations_send.enqueue(need.pk, batch))
    transaction.on_commit(lambda: tasks.need_close_at_deadline(need))
    return need


def reserved_contract_check(*, need: Need, supplier) -> None:
    """A reserved need takes quotes (and invitations) only from suppliers that may take
    a contract reserved under the law of the buyer's country, today."""
    if need.reserved_contract and reserved_eligibility(supplier, need.reserved_in, timezone.localdate()) is None:
        raise ValidationError(
            _(
                "This need is a reserved contract (Directive 2014/24/EU art. 20, under the law of %(country)s): "
                "only suppliers with a verified legal status that qualifies there may quote. Have yours verified "
                "under Claims and evidence in your workspace."
            )
            % {"country": need.buyer.country.name}
        )


def invitations_send(*, need_id: int, supplier_ids: list[int]) -> int:
    """Notifies one batch of invited suppliers (the background task's work). An
    invitation already sent is not sent again, so a retried task mails nobody twice."""
    with transaction.atomic():
        invitations = list(
            Invitation.objects.select_for_update()
            .filter(need_id=need_id, supplier_id__in=supplier_ids, status=Invitation.Status.PENDING)
            .select_related("need", "supplier")
        )
        Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(
            status=Invitation.Status.NOTIFIED, notified_at=timezone.now()
        )
    notifications.invitations_sent(invitations)
    return len(invitations)


@transaction.atomic
def need_close(*, need: Need) -> Need:
    """Stops taking quotes (at the deadline, or earlier when the buyer says so)."""
    need = _locked(need)
    if need.status != Need.Status.PUBLISHED:
        return need
    need.status = Need.Status.CLOSED
    need.closed_at = timezone.now()
    need.save(update_fields=["status", "closed_at", "updated_at"])
    transaction.on_commit(lambda: notifications.need_closed(need))
    return need


def needs_close_due() -> int:
    """Closes every published need whose deadline has passed; returns how many."""
    due = Need.objects.filter(status=Need.Status.PUBLISHED, deadline__lte=timezone.now()).order_by("pk")
    return sum(1 for need in due if need_close(need=need).status == Need.Status.CLOSED)


@transaction.atomic
def need_cancel(*, need: Need, by, reason: str = "") -> Need:
    """The buyer gives the need up, or an operator withdraws it (moderation). Invited
    suppliers are told; an operator's reason is told to the buyer."""
    need = _locked(need)
    if not need.can_be_cancelled:
        raise ValidationError(_("This need is already %(status)s.") % {"status": need.get_status_display().lower()})
    by_operator = by.is_staff and not is_member(user=by, organisation=need.buyer)
    if by_operator and not reason.strip():
        raise ValidationError({"reason": _("Tell the buyer why the need is withdrawn.")})
    limits.length_check(reason, limit=limits.NOTE, field="reason")
    was_published = need.status != Need.Status.DRAFT
    need.status = Need.Status.CANCELLED
    need.cancelled_at, need.cancelled_by, need.cancel_reason = timezone.now(), by, reason.strip()
    need.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"])
    need.quotes.filter(status=Quote.Status.SUBMITTED).update(status=Quote.Status.NOT_SELECTED)
    if was_published:
        transaction.on_commit(lambda: notifications.need_cancelled(need, by_operator=by_operator))
    return need


def deadline_reminders_send() -> int:
    """Reminds the suppliers that have neither quoted nor declined an open need, once per
    invitation, when its deadline is NEED_DEADLINE_REMINDER_DAYS away or less. Each
    invitation is claimed by a conditional update, so two runs at once remind nobody twice."""
    now = timezone.now()
    due = Invitation.objects.filter(
        need__status=Need.Status.PUBLISHED,
        need__deadline__gt=now,
        need__deadline__lte=now + timedelta(days=settings.NEED_DEADLINE_REMINDER_DAYS),
        status__in=[Invitation.Status.NOTIFIED, Invitation.Status.VIEWED, Invitation.Status.INTERESTED],
        reminded_at__isnull=True,
    )
    reminded = []
    for invitation in due.select_related("need__buyer", "supplier"):
        if Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(reminded_at=now):
            reminded.append(invitation)
    notifications.deadline_reminders(reminded)
    return len(reminded)


# Suppliers' answers -----------------------------------------------------------


def invitation_viewed(*, invitation: Invitation) -> None:
    """The supplier opened the need: the buyer sees it was viewed."""
    if invitation.status in (Invitation.Status.PENDING, Invitation.Status.NOTIFIED):
        now = timezone.now()
        Invitation.objects.filter(pk=invitation.pk, status=invitation.status).update(
            status=Invitation.Status.VIEWED, viewed_at=now, notified_at=invitation.notified_at or now
        )


def _answerable(invitation: Invitation) -> None:
    if not invitation.need.accepts_quotes:
        raise ValidationError(_("This need no longer takes answers."))
    if invitation.status == Invitation.Status.QUOTED:
        raise ValidationError(_("You have quoted already: withdraw your quote to decline."))


@transaction.atomic
def invitation_respond(*, invitation: Invitation, interested: bool, reason: str = "") -> Invitation:
    """The supplier's answer on the need's page, which asks why it declines."""
    _answerable(invitation)
    if not interested and not reason.strip():
        raise ValidationError({"reason": _("Tell the buyer briefly why you decline; it helps them next time.")})
    if not interested:
        return invitation_decline(invitation=invitation, reason=reason)
    invitation.status = Invitation.Status.INTERESTED
    invitation.decline_reason = ""
    return _answered(invitation)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, reason: str = "") -> Invitation:
    """Declines an invitation to quote, with the supplier's reason when it gives one (the
    link in the invitation e-mail declines in one step; the need's page asks why). A
    member can still change the answer on the need's page until the deadline."""
    _answerable(invitation)
    limits.length_check(reason, limit=limits.REASON, field="reason")
    invitation.status = Invitation.Status.DECLINED
    invitation.decline_reason = reason.strip()
    return _answered(invitation)


def _answered(invitation: Invitation) -> Invitation:
    invitation.responded_at = timezone.now()
    invitation.viewed_at = invitation.viewed_at or invitation.responded_at
    invitation.save(update_fields=["status", "decline_reason", "responded_at", "viewed_at"])
    return invitation


@transaction.atomic
def question_ask(*, invitation: Invitation, by, text: str) -> Question:
    if not invitation.need.accepts_quotes:
        raise ValidationError(_("This need no longer takes questions."))
    if not text.strip():
        raise ValidationError({"text": _("Write your question.")})
    limits.length_check(text, limit=limits.NOTE, field="text")
    question = Question.objects.create(
        need=invitation.need, supplier=invitation.supplier, asked_by=by, text=text.strip()
    )
    transaction.on_commit(lambda: notifications.question_asked(question))
    return question


@transaction.atomic
def question_answer(*, question: Question, by, answer: str) -> Question:
    """The answer goes to every invited supplier, without saying who asked."""
    if not answer.strip():
        raise ValidationError({"answer": _("Write your answer.")})
    limits.length_check(answer, limit=limits.MESSAGE, field="answer")
    question.answer, question.answered_by, question.answered_at = answer.strip(), by, timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    transaction.on_commit(lambda: notifications.question_answered(question))
    return question


def quote_delivery_earliest(need: Need) -> date:
    """The first day a quote may promise delivery on. Nothing is ordered before the
    award, and the award comes after the quotes are due: not before the deadline's day.
    When the buyer wished a delivery date, not before it either: the buyer planned for
    that day (an event, a building site), so an earlier delivery is not what they asked
    for, while a later one is an offer they can still weigh when comparing quotes."""
    earliest = timezone.localdate(need.deadline)
    if need.delivery_date and need.delivery_date > earliest:
        earliest = need.delivery_date
    return earliest


def quote_delivery_date_check(*, need: Need | None, delivery_date: date) -> None:
    """Raise ValidationError (for the delivery date field) when a quote cannot promise
    delivery on `delivery_date`: a past day, a day before the need allows, or beyond
    the planning horizon. `need` None checks the date alone."""
    if delivery_date < timezone.localdate():
        raise ValidationError(_("The delivery date cannot be in the past."), code="past")
    if need is not None and delivery_date < quote_delivery_earliest(need):
        earliest = formats.date_format(quote_delivery_earliest(need))
        if need.delivery_date and delivery_date < need.delivery_date:
            message = _("%(buyer)s wishes delivery on %(date)s: choose that day or a later one.")
        else:
            message = _("Quotes are due on %(date)s and the order comes after: choose that day or a later one.")
        raise ValidationError(message % {"buyer": need.buyer.name, "date": earliest}, code="before_need")
    within_planning_horizon(delivery_date)


@dataclass
class QuoteLineData:
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    vat_rate: Decimal
    kind: str = SERVICE


def quote_lines_replace(*, quote: Quote, supplier, lines: list[QuoteLineData]) -> None:
    """Replaces `supplier`'s lines in the saved quote (all of a single quote, one
    supplier's share of a joint one) and saves the quote's totals. Each line's VAT follows
    the rules for that supplier's country and the buyer's: the rate typed is the
    supplier's own VAT, which across a border may not be charged at all."""
    buyer_vat = vat_rules.buyer_vat_of(quote.need.buyer)
    rows = [QuoteLine(quote=quote, supplier=supplier, position=i, **vars(line)) for i, line in enumerate(lines)]
    for row in rows:
        row.full_clean(exclude=["quote", "supplier"])
        treatment = vat_rules.treatment(supplier_country=supplier.country.code, buyer=buyer_vat, kind=row.kind)
        row.vat_treatment, row.vat_rate = treatment.code, treatment.rate(row.vat_rate)
    quote.lines.filter(supplier=supplier).delete()
    QuoteLine.objects.bulk_create(rows)
    quote.totals_update()
    quote.save(update_fields=["total_excl_tax", "total_tax", "total_incl_tax", "updated_at"])


def quote_terms_set(
    *, quote: Quote, valid_until: date, delivery_date: date, message: str = "", attachment=None
) -> None:
    """Checks the terms of a quote on its need and sets them on `quote` (not saved)."""
    if valid_until < timezone.localdate():
        raise ValidationError({"valid_until": _("A quote cannot be valid only until a date in the past.")})
    try:
        quote_delivery_date_check(need=quote.need, delivery_date=delivery_date)
    except ValidationError as error:
        raise ValidationError({"delivery_date": error.messages}) from None
    limits.length_check(message, limit=limits.MESSAGE, field="message")
    if attachment is not None:
        validate_attachment(attachment)
        quote.attachment, quote.attachment_name = attachment, attachment.name[:255]
    quote.valid_until, quote.delivery_date, quote.message = valid_until, delivery_date, message


def answers_alone_check(*, need: Need, supplier) -> None:
    """Raises ValidationError when the supplier answers the need in a joint quote
    already: a supplier answers a need once, alone or jointly."""
    joint = joint_quote_of(need=need, supplier=supplier)
    if joint is None:
        return
    if joint.supplier_id == supplier.pk:
        raise ValidationError(_("You lead a joint quote on this need: change it on its page."))
    raise ValidationError(
        _("You take part in the joint quote of %(lead)s on this need: a supplier answers a need once.")
        % {"lead": joint.supplier.name}
    )


@transaction.atomic
def quote_submit(
    *,
    invitation: Invitation,
    by,
    lines: list[QuoteLineData],
    valid_until: date,
    delivery_date: date,
    message: str = "",
    attachment=None,
) -> Quote:
    """Submits the supplier's quote, or replaces it while the need takes quotes. Only
    the buyer sees it; other suppliers never do."""
    need = _locked(invitation.need)
    if not need.accepts_quotes:
        raise ValidationError(_("The deadline for quotes has passed."))
    reserved_contract_check(need=need, supplier=invitation.supplier)
    if not lines:
        raise ValidationError(_("Add at least one priced line."))
    answers_alone_check(need=need, supplier=invitation.supplier)
    quote = Quote.objects.filter(need=need, supplier=invitation.supplier).first()
    created = quote is None
    quote = quote or Quote(need=need, supplier=invitation.supplier)
    quote_terms_set(
        quote=quote, valid_until=valid_until, delivery_date=delivery_date, message=message, attachment=attachment
    )
    quote.submitted_by, quote.status = by, Quote.Status.SUBMITTED
    quote.save()
    quote_lines_replace(quote=quote, supplier=invitation.supplier, lines=lines)
    Invitation.objects.filter(pk=invitation.pk).update(
        status=Invitation.Status.QUOTED, responded_at=timezone.now(), decline_reason=""
    )
    if created:
        webhook_events.quote_received(quote)
        transaction.on_commit(lambda: notifications.quote_submitted(quote))
    return quote


@transaction.atomic
def quote_withdraw(*, quote: Quote) -> Quote:
    """The buyer no longer sees the quote. A joint quote goes back into preparation,
    where its partners may change their lines before the lead submits it again."""
    if not quote.need.accepts_quotes or quote.status != Quote.Status.SUBMITTED:
        raise ValidationError(_("This quote can no longer be withdrawn."))
    quote.status = Quote.Status.PREPARING if quote.joint else Quote.Status.WITHDRAWN
    quote.save(update_fields=["status", "updated_at"])
    Invitation.objects.filter(need=quote.need, supplier=quote.supplier).update(status=Invitation.Status.INTERESTED)
    return quote


# Award --------------------------------------------------------------------------


def _order_parts(quote: Quote) -> list[QuotedPart]:
    """One order part per supplier of the quote (the lead's first), with its own lines."""
    return [QuotedPart(supplier=share.supplier, lines=_order_lines(share.lines)) for share in quote_shares(quote)]


def _order_lines(quote_lines: list[QuoteLine]) -> list[QuotedLine]:
    """Order lines keep whole quantities (Oscar counts pieces): a line quoted for a
    fractional quantity (12.5 m²) becomes one line at its net amount."""
    lines = []
    for line in quote_lines:
        whole = line.quantity == line.quantity.to_integral_value()
        title = line.description if whole else f"{line.description} ({line.quantity.normalize():f} {line.unit})"
        lines.append(
            QuotedLine(
                title=title,
                quantity=int(line.quantity) if whole else 1,
                unit_price_excl_tax=line.unit_price if whole else line.net,
                vat_rate=line.vat_rate,
                net=line.net,
                vat=line.vat,
                vat_treatment=line.vat_treatment,
            )
        )
    return lines


def need_award(*, need: Need, quote: Quote, by, details: CheckoutDetails) -> Award:
    """Awards the need to one quote: places a purchase by invoice with one part per
    supplier of the quote (the winner, or the lead and each partner of a joint quote),
    tells them and, politely, the others. Idempotent: a second submit (even a concurrent
    one: the need's row is locked) returns the first award."""
    with transaction.atomic():
        need = _locked(need)
        existing = Award.objects.filter(need=need).select_related("quote", "purchase").first()
        if existing is not None:
            if existing.quote_id != quote.pk:
                raise ValidationError(
                    _("This need was already awarded to %(supplier)s.") % {"supplier": existing.quote.supplier.name}
                )
            return existing
        if not is_member(user=by, organisation=need.buyer):
            raise PermissionDenied(_("Only members of %(buyer)s can award its needs.") % {"buyer": need.buyer.name})
        if not need.can_be_awarded:
            raise ValidationError(_("A need is awarded once it is closed to quotes."))
        quote = Quote.objects.select_related("supplier").get(pk=quote.pk, need=need)
        if quote.status != Quote.Status.SUBMITTED:
            raise ValidationError(_("This quote was withdrawn."))
        if quote.valid_until < timezone.localdate():
            raise ValidationError(
                _("This quote expired on %(date)s: ask %(supplier)s to confirm its prices.")
                % {"date": l10n.date_short(quote.valid_until), "supplier": quote.supplier.name}
            )
        purchase = purchase_place_quoted(buyer=need.buyer, user=by, details=details, parts=_order_parts(quote))
        award = Award.objects.create(need=need, quote=quote, purchase=purchase, awarded_by=by)
        need.quotes.exclude(pk=quote.pk).filter(status=Quote.Status.SUBMITTED).update(status=Quote.Status.NOT_SELECTED)
        quote.status = Quote.Status.AWARDED
        quote.save(update_fields=["status", "updated_at"])
        need.status, need.closed_at = Need.Status.AWARDED, need.closed_at or timezone.now()
        need.save(update_fields=["status", "closed_at", "updated_at"])
        webhook_events.quote_awarded(award)
        transaction.on_commit(lambda: notifications.need_awarded(award))
    return award
