"""Joint quotes: reads and writes. A supplier invited to a need (the lead) starts a
joint quote and invites suppliers that share a network with it; each partner accepts
or declines, then prices its own lines (its own VAT, by the rules for its country and
the buyer's). The lead submits once every partner taking part says its lines are
ready; partners that declined or did not answer are left out. The buyer then sees one
quote with each supplier's share, and awarding it gives each supplier its own order part.

A partner sees the need's facts and this joint quote only: not the buyer's other needs,
not the need's other quotes, and it changes no one's lines but its own."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.organisations.models import Supplier
from marketplace.organisations.selectors import is_member, organisations_of

from . import notifications
from .models import Invitation, Need, Quote, QuoteLine, QuotePartner
from .selectors import joint_partner_candidates
from .services import (
    QuoteLineData,
    answers_alone_check,
    quote_lines_replace,
    quote_terms_set,
    reserved_contract_check,
)

# Reads ----------------------------------------------------------------------------


@dataclass
class JointRole:
    """What a member's supplier is in a joint quote: its lead, or one of its partners."""

    quote: Quote
    supplier: Supplier
    partner: QuotePartner | None = None  # None for the lead

    @property
    def is_lead(self) -> bool:
        return self.partner is None

    @property
    def takes_part(self) -> bool:
        """The lead, or a partner that accepted: it prices lines and sees everyone's."""
        return self.is_lead or self.partner.taking_part

    @property
    def label(self) -> str:
        return _("Lead") if self.is_lead else _("Partner")

    @property
    def state_label(self) -> str:
        return self.quote.get_status_display() if self.is_lead else self.partner.state_label


def joint_role(*, user, quote: Quote) -> JointRole | None:
    """The user's supplier's role in the joint quote, or None when it has none."""
    if not user.is_authenticated or not quote.joint:
        return None
    if is_member(user=user, organisation=quote.supplier):
        return JointRole(quote=quote, supplier=quote.supplier)
    partner = quote.partners.filter(supplier__in=organisations_of(user=user)).select_related("supplier").first()
    return JointRole(quote=quote, supplier=partner.supplier, partner=partner) if partner else None


def joint_partners(quote: Quote) -> list[QuotePartner]:
    return list(quote.partners.select_related("supplier"))


def joint_invitable(quote: Quote):
    """Members of the lead's networks it may invite now: not those invited or taking part."""
    asked = quote.partners.filter(status__in=(QuotePartner.Status.INVITED, QuotePartner.Status.ACCEPTED))
    return joint_partner_candidates(quote.supplier).exclude(pk__in=asked.values("supplier_id"))


def joint_lines_of(role: JointRole) -> list[QuoteLine]:
    """The lines the role's supplier priced in the joint quote."""
    return list(role.quote.lines.filter(supplier=role.supplier))


def joint_quotes_of(supplier: Supplier, *, limit: int | None = None) -> list[JointRole]:
    """The joint quotes the supplier leads or was invited into, newest first (the first
    `limit`), each with its role: what its workspace's quotes page lists."""
    quotes = (
        Quote.objects.filter(joint=True)
        .filter(Q(supplier=supplier) | Q(partners__supplier=supplier))
        .select_related("need", "need__buyer", "supplier")
        .prefetch_related(Prefetch("partners", queryset=QuotePartner.objects.filter(supplier=supplier)))
        .distinct()
        .order_by("-pk")
    )
    roles = []
    for quote in quotes[:limit]:
        own = next(iter(quote.partners.all()), None)
        roles.append(
            JointRole(quote=quote, supplier=supplier, partner=None if quote.supplier_id == supplier.pk else own)
        )
    return roles


# Writes ---------------------------------------------------------------------------


def _need_locked(need: Need) -> Need:
    return Need.objects.select_for_update().select_related("buyer").get(pk=need.pk)


def _preparing(quote: Quote) -> Quote:
    """The joint quote, locked, while it can still change: in preparation, on a need
    that takes quotes. Locking serialises the partners' saves and the lead's submit."""
    quote = Quote.objects.select_for_update().select_related("need", "need__buyer", "supplier").get(pk=quote.pk)
    if not quote.need.accepts_quotes:
        raise ValidationError(_("The deadline for quotes has passed."))
    if quote.status != Quote.Status.PREPARING:
        raise ValidationError(
            _("%(lead)s sent this joint quote to the buyer: it changes only if %(lead)s withdraws it.")
            % {"lead": quote.supplier.name}
        )
    return quote


@transaction.atomic
def joint_quote_start(
    *, invitation: Invitation, by, valid_until: date, delivery_date: date, message: str = "", attachment=None
) -> Quote:
    """The invited supplier starts a joint quote it leads, with its terms (which its
    partners read and it may change until it submits). Starting twice gives the same
    quote. A withdrawn quote of its own becomes the joint quote, its lines kept."""
    need = _need_locked(invitation.need)
    lead = invitation.supplier
    if not need.accepts_quotes:
        raise ValidationError(_("The deadline for quotes has passed."))
    quote = Quote.objects.filter(need=need, supplier=lead).first()
    if quote is not None and quote.joint:
        return quote
    if quote is not None and quote.status == Quote.Status.SUBMITTED:
        raise ValidationError(_("You have sent a quote alone: withdraw it first to answer jointly with partners."))
    answers_alone_check(need=need, supplier=lead)
    reserved_contract_check(need=need, supplier=lead)
    quote = quote or Quote(need=need, supplier=lead)
    quote_terms_set(
        quote=quote, valid_until=valid_until, delivery_date=delivery_date, message=message, attachment=attachment
    )
    quote.joint, quote.status, quote.submitted_by = True, Quote.Status.PREPARING, None
    quote.save()
    return quote


@transaction.atomic
def joint_partner_invite(*, quote: Quote, supplier: Supplier, by) -> QuotePartner:
    """The lead invites a supplier that shares one of its networks; its administrators
    are told. Inviting again one that declined or was left out asks it anew."""
    quote = _preparing(quote)
    if not joint_partner_candidates(quote.supplier).filter(pk=supplier.pk).exists():
        raise ValidationError(
            _("%(supplier)s is in none of the networks of %(lead)s: invite members of your networks.")
            % {"supplier": supplier.name, "lead": quote.supplier.name}
        )
    # Every supplier of a reserved contract's joint quote must be one that may take it.
    reserved_contract_check(need=quote.need, supplier=supplier)
    partner, created = QuotePartner.objects.get_or_create(quote=quote, supplier=supplier, defaults={"invited_by": by})
    if not created and partner.status in (QuotePartner.Status.INVITED, QuotePartner.Status.ACCEPTED):
        return partner
    if not created:
        partner.status, partner.invited_by, partner.responded_at = QuotePartner.Status.INVITED, by, None
        partner.save(update_fields=["status", "invited_by", "responded_at"])
    transaction.on_commit(lambda: notifications.joint_partner_invited(partner))
    return partner


@transaction.atomic
def joint_partner_respond(*, partner: QuotePartner, accept: bool) -> QuotePartner:
    """The partner takes part, or declines (its lines, if it had priced some, go)."""
    quote = _preparing(partner.quote)
    partner = QuotePartner.objects.select_related("supplier").get(pk=partner.pk)
    if partner.status == QuotePartner.Status.LEFT_OUT:
        raise ValidationError(_("The joint quote was sent without you."))
    if accept:
        answers_alone_check(need=quote.need, supplier=partner.supplier)
        alone = quote.need.quotes.filter(supplier=partner.supplier).exclude(status=Quote.Status.WITHDRAWN)
        if alone.exists():
            raise ValidationError(
                _("You have quoted on this need yourself: withdraw your quote first, a supplier answers a need once.")
            )
        partner.status = QuotePartner.Status.ACCEPTED
    else:
        partner.status, partner.lines_ready = QuotePartner.Status.DECLINED, False
        quote_lines_replace(quote=quote, supplier=partner.supplier, lines=[])
    partner.responded_at = timezone.now()
    partner.save(update_fields=["status", "lines_ready", "responded_at"])
    transaction.on_commit(lambda: notifications.joint_partner_answered(partner))
    return partner


@transaction.atomic
def joint_lines_save(*, role: JointRole, lines: list[QuoteLineData], ready: bool = False) -> Quote:
    """The lead or a partner taking part replaces its own lines; a partner also says
    whether they are ready to be sent (the lead is told when they are)."""
    quote = _preparing(role.quote)
    partner = QuotePartner.objects.get(pk=role.partner.pk) if role.partner else None
    if partner is not None and not partner.taking_part:
        raise PermissionDenied(_("Accept the invitation before pricing your lines."))
    if ready and not lines:
        raise ValidationError(_("Add at least one priced line before saying your lines are ready."))
    quote_lines_replace(quote=quote, supplier=role.supplier, lines=lines)
    if partner is not None:
        became_ready = ready and not partner.lines_ready
        partner.lines_ready = ready
        partner.save(update_fields=["lines_ready"])
        if became_ready:
            transaction.on_commit(lambda: notifications.joint_partner_answered(partner))
    return quote


@transaction.atomic
def joint_quote_submit(
    *, quote: Quote, by, valid_until: date, delivery_date: date, message: str = "", attachment=None
) -> Quote:
    """The lead sends the joint quote to the buyer, with its terms, once every partner
    taking part has its lines ready. Partners that did not answer are left out; the
    partners taking part are told. A second submit changes nothing."""
    need = _need_locked(quote.need)
    if Quote.objects.filter(pk=quote.pk, status=Quote.Status.SUBMITTED).exists():
        return Quote.objects.get(pk=quote.pk)
    quote = _preparing(quote)
    partners = joint_partners(quote)
    waiting = [p.supplier.name for p in partners if p.taking_part and not p.lines_ready]
    if waiting:
        raise ValidationError(
            _("Waiting for %(suppliers)s: their lines are not ready yet.") % {"suppliers": ", ".join(waiting)}
        )
    if not quote.lines.exists():
        raise ValidationError(_("Add at least one priced line."))
    quote_terms_set(
        quote=quote, valid_until=valid_until, delivery_date=delivery_date, message=message, attachment=attachment
    )
    first_time = quote.submitted_by_id is None
    quote.status, quote.submitted_by, quote.submitted_at = Quote.Status.SUBMITTED, by, timezone.now()
    quote.save()
    QuotePartner.objects.filter(quote=quote, status=QuotePartner.Status.INVITED).update(
        status=QuotePartner.Status.LEFT_OUT
    )
    Invitation.objects.filter(need=need, supplier=quote.supplier).update(
        status=Invitation.Status.QUOTED, responded_at=timezone.now(), decline_reason=""
    )
    if first_time:
        transaction.on_commit(lambda: notifications.quote_submitted(quote))
    transaction.on_commit(lambda: notifications.joint_quote_submitted(quote))
    return quote
