"""Reads of needs, invitations and quotes. Who may see what is decided here, once:
buyers see their own organisation's needs and every quote on them; a supplier sees
a need only when it was invited, and only its own quote; a partner in a joint quote
sees that need and that joint quote only; operators see all."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from catalogue.attributes import GOODS, SERVICE
from catalogue.cards import KIND_LABELS
from marketplace.organisations.models import Buyer, Region, Sector, Supplier
from marketplace.organisations.selectors import is_member, organisations_of
from marketplace.partner import vat_rules
from marketplace.verification.selectors import suppliers_eligible
from search.interface import SupplierQuery
from search.selectors import search_count

from .models import Invitation, Need, Quote, QuoteLine, QuotePartner

# Quotes the buyer can still compare or has decided on (not withdrawn).
QUOTE_STANDING = (Quote.Status.SUBMITTED, Quote.Status.AWARDED, Quote.Status.NOT_SELECTED)


def suppliers_matching(*, sectors, country, region: Region | None = None, reserved_in: str | None = None):
    """Verified suppliers that work in one of the sectors (a parent sector counts with
    its sub-sectors) and serve the place: the whole country, or the need's region. A
    need without a region reaches suppliers serving any part of its country. A reserved
    contract reaches only those that may take one under the law of `reserved_in`."""
    sector_ids = {sector.pk for sector in sectors}
    sector_ids |= set(Sector.objects.filter(parent_id__in=sector_ids).values_list("pk", flat=True))
    served = Q(served_areas__country=country)
    if region is not None:
        served &= Q(served_areas__region__isnull=True) | Q(served_areas__region=region)
    matching = Supplier.objects.verified().filter(sectors__in=sector_ids).filter(served).distinct()
    return suppliers_eligible(matching, reserved_in, timezone.localdate()) if reserved_in else matching


def suppliers_matching_count(*, sectors, country, region: Region | None = None, reserved_in: str | None = None) -> int:
    """How many suppliers a need would reach, counted by the supplier search (the
    directory's sector and area-served facets, which follow the same rules) without
    reading them: the need form asks while the buyer types."""
    places = (region.slug,) if region is not None else (country,)
    filters = {"sector": tuple(s.slug for s in sectors), "serves": places}
    if reserved_in:
        filters["reserved"] = (reserved_in,)
    return search_count(SupplierQuery(filters=filters))


def suppliers_of(user):
    return organisations_of(user=user, model=Supplier).order_by("name")


@dataclass
class NeedAccess:
    """What the user is to a need: a member of its buyer, an invited supplier
    (`invitation` is that supplier's), an operator, or several of these; or else a
    partner invited into a joint quote on it (`partner`), which sees no more than the
    need's facts and that joint quote."""

    need: Need
    as_buyer: bool = False
    invitation: Invitation | None = None
    as_operator: bool = False
    partner: QuotePartner | None = None

    @property
    def supplier(self) -> Supplier | None:
        return self.invitation.supplier if self.invitation else None


def need_access(*, user, pk) -> NeedAccess | None:
    """The need with the user's standing, or None when the user may not see it. Invited
    suppliers never see drafts (they are never invited to one)."""
    if not user.is_authenticated:
        return None
    need = (
        Need.objects.select_related("buyer", "region", "created_by")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.select_related("parent")), "attachments")
        .filter(pk=pk)
        .first()
    )
    if need is None:
        return None
    access = NeedAccess(need=need, as_operator=user.is_staff)
    access.as_buyer = is_member(user=user, organisation=need.buyer)
    access.invitation = (
        need.invitations.filter(supplier__in=organisations_of(user=user))
        .select_related("supplier")
        .order_by("pk")
        .first()
    )
    if not (access.as_buyer or access.invitation or access.as_operator):
        access.partner = (
            QuotePartner.objects.filter(quote__need=need, supplier__in=organisations_of(user=user))
            .select_related("supplier", "quote")
            .order_by("pk")
            .first()
        )
        if access.partner is None:
            return None
    return access


def needs_for_buyers(buyers):
    return (
        Need.objects.filter(buyer__in=buyers)
        .select_related("buyer", "region")
        .annotate(
            invited=Count("invitations", distinct=True),
            quoted=Count("quotes", filter=Q(quotes__status__in=QUOTE_STANDING), distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def needs_for_moderation():
    return needs_for_buyers(Buyer.objects.all())


def invitations_for_suppliers(suppliers):
    """A supplier's inbox: every need it was invited to (never drafts), with its own quote."""
    return (
        Invitation.objects.filter(supplier__in=suppliers)
        .exclude(need__status=Need.Status.DRAFT)
        .select_related("need", "need__buyer", "need__region", "supplier")
        .prefetch_related(Prefetch("need__quotes", queryset=Quote.objects.filter(supplier__in=suppliers)))
        .order_by("-need__published_at", "-pk")
    )


def need_invitations(need):
    return need.invitations.select_related("supplier").order_by("supplier__name")


def quotes_for_comparison(need):
    """The need's quotes side by side, cheapest first, with what the buyer compares:
    lines and totals per supplier (`shares`: a joint quote has one per supplier), delivery
    and each supplier's impact and workforce."""
    quotes = list(
        need.quotes.filter(status__in=QUOTE_STANDING)
        .select_related("supplier", "supplier__region")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=QuoteLine.objects.select_related("supplier").prefetch_related(
                    "supplier__impact_areas", "supplier__labels"
                ),
            )
        )
        .order_by("total_excl_tax", "pk")
    )
    for quote in quotes:
        quote.shares = quote_shares(quote)
    return quotes


@dataclass
class Share:
    """One supplier's lines in a quote and their totals: what its order part will be."""

    supplier: Supplier
    lines: list = field(default_factory=list)

    @property
    def net(self) -> Decimal:
        return sum((line.net for line in self.lines), Decimal("0.00"))

    @property
    def vat(self) -> Decimal:
        return sum((line.vat for line in self.lines), Decimal("0.00"))

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat

    @property
    def vat_treatments(self) -> list:
        """How VAT applies to the share's lines (each way once), as its invoice will say."""
        codes = dict.fromkeys(line.vat_treatment for line in self.lines if line.vat_treatment)
        return [vat_rules.TREATMENTS[code] for code in codes if code in vat_rules.TREATMENTS]


def quote_shares(quote) -> list[Share]:
    """The quote's lines by supplier, the lead's first, then its partners' by name
    (prefetch "lines__supplier" to read them at once)."""
    shares: dict[int, Share] = {}
    for line in quote.lines.all():
        shares.setdefault(line.supplier_id, Share(supplier=line.supplier)).lines.append(line)
    return sorted(shares.values(), key=lambda share: (share.supplier.pk != quote.supplier_id, share.supplier.name))


def quote_of(*, need, supplier) -> Quote | None:
    if supplier is None:
        return None
    return need.quotes.filter(supplier=supplier).prefetch_related("lines__supplier").first()


def joint_quote_of(*, need, supplier) -> Quote | None:
    """The joint quote in which `supplier` answers the need, as its lead or as a partner
    taking part: a supplier answers a need once, alone or jointly."""
    led = need.quotes.filter(supplier=supplier, joint=True).exclude(status=Quote.Status.WITHDRAWN)
    partnered = need.quotes.filter(partners__supplier=supplier, partners__status=QuotePartner.Status.ACCEPTED)
    return (led | partnered).select_related("supplier").first()


def joint_partner_candidates(lead: Supplier):
    """Verified suppliers that share a network with the lead: whom it may invite into a
    joint quote."""
    return (
        Supplier.objects.verified()
        .filter(network_memberships__network__memberships__supplier=lead)
        .exclude(pk=lead.pk)
        .distinct()
        .order_by("name")
    )


def quote_lines(quote) -> list[QuoteLine]:
    return list(quote.lines.all()) if quote else []


def questions_for(access: NeedAccess):
    """The buyer (and operators) see every question with who asked; a supplier sees
    the answered ones, without who asked, and its own."""
    questions = access.need.questions.select_related("supplier")
    if access.as_buyer or access.as_operator:
        return list(questions)
    return list(questions.filter(Q(answered_at__isnull=False) | Q(supplier=access.supplier)))


def quote_vat_by_kind(need, supplier) -> list[tuple[str, object]]:
    """(kind's name, VAT treatment) for goods and for services quoted by `supplier` to the
    need's buyer, when some are not the supplier's domestic VAT: what the quote form tells
    the supplier before it types its rates."""
    buyer_vat = vat_rules.buyer_vat_of(need.buyer)
    treatments = [
        (KIND_LABELS[kind], vat_rules.treatment(supplier_country=supplier.country.code, buyer=buyer_vat, kind=kind))
        for kind in (GOODS, SERVICE)
    ]
    return [] if all(treatment.charges_vat for _kind, treatment in treatments) else treatments
