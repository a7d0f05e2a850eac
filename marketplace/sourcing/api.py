"""/api/buyer/needs/…: a buyer's procurement system posts needs, publishes them, reads
the quotes and awards one, through the services and selectors of the needs pages
(need_create, need_publish, need_award, needs_for_buyers, need_access,
quotes_for_comparison), for the key's buyer only."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.decorators import decorate_view

from catalogue.attributes import SERVICE
from marketplace.apikeys.auth import ApiKeyAuth
from marketplace.apikeys.errors import ERRORS, ApiError
from marketplace.apikeys.idempotency import idempotent
from marketplace.apikeys.pagination import PageParams, page_of
from marketplace.order.models import Purchase
from marketplace.organisations.models import Buyer, Region, Sector, Supplier

from . import selectors, services, shortlists
from .forms import AwardForm, QuoteForm
from .models import Need, Quote
from .services import QuoteLineData

READ = ApiKeyAuth("buyer")
WRITE = ApiKeyAuth("buyer", write=True)
router = Router(tags=["buyer"], auth=READ)


class NeedIn(Schema):
    """A need as the need form takes it; `sectors` and `region` by slug."""

    title: str
    description: str
    sectors: list[str]
    country: str
    region: str = ""
    city: str = ""
    quantity: Decimal | None = None
    unit: str = ""
    budget_min: Decimal | None = None
    budget_max: Decimal | None = None
    deadline: datetime
    delivery_date: date | None = None
    reserved_contract: bool = False


class NeedOut(Schema):
    id: int
    status: str
    title: str
    description: str
    sectors: list[str]
    country: str
    region: str
    city: str
    quantity: Decimal | None
    unit: str
    budget_min: Decimal | None
    budget_max: Decimal | None
    deadline: datetime
    delivery_date: date | None
    reserved_contract: bool
    published_at: datetime | None
    url: str


class NeedPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[NeedOut]


class QuoteLineOut(Schema):
    supplier: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    net: Decimal


class QuoteOut(Schema):
    id: int
    supplier: str
    supplier_slug: str
    joint: bool
    status: str
    total_excl_tax: Decimal
    total_tax: Decimal
    total_incl_tax: Decimal
    valid_until: date
    delivery_date: date
    message: str
    lines: list[QuoteLineOut]


class AwardIn(Schema):
    """The quote to award; the purchase it places takes the billing and delivery
    details the award page prefills (the organisation's, and the address of its last
    purchase) unless given here."""

    quote_id: int
    purchase_order_reference: str = ""
    billing_name: str | None = None
    billing_street_address: str | None = None
    billing_postcode: str | None = None
    billing_city: str | None = None
    billing_country: str | None = None
    vat_id: str | None = None
    delivery_name: str | None = None
    delivery_street_address: str | None = None
    delivery_postcode: str | None = None
    delivery_city: str | None = None
    delivery_country: str | None = None
    wished_date: date | None = None


class AwardOut(Schema):
    need_id: int
    quote_id: int
    purchase_number: str


NEED_FIELDS = ("id", "status", "title", "description", "city", "quantity", "unit", "budget_min", "budget_max",
               "deadline", "delivery_date", "reserved_contract", "published_at")  # fmt: skip


def _need_out(request, need) -> dict:
    return {
        **{name: getattr(need, name) for name in NEED_FIELDS},
        "sectors": [sector.slug for sector in need.sectors.all()],
        "country": need.country.code,
        "region": need.region.slug if need.region_id else "",
        "url": request.build_absolute_uri(need.get_absolute_url()),
    }


QUOTE_FIELDS = ("id", "joint", "status", "total_excl_tax", "total_tax", "total_incl_tax", "valid_until",
                "delivery_date", "message")  # fmt: skip


def _quote_out(quote) -> dict:
    return {
        **{name: getattr(quote, name) for name in QUOTE_FIELDS},
        "supplier": quote.supplier.name,
        "supplier_slug": quote.supplier.slug,
        "lines": [
            {
                "supplier": line.supplier.name,
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "vat_rate": line.vat_rate,
                "net": line.net,
            }
            for line in quote.lines.all()
        ],
    }


def _buyer(request) -> Buyer:
    return Buyer.objects.get(pk=request.auth.organisation_id)


def _own_need(request, need_id: int):
    """The need if the key's buyer posted it and the key's person may see it, as on its page."""
    access = selectors.need_access(user=request.auth.created_by, pk=need_id)
    if access is None or not access.as_buyer or access.need.buyer_id != request.auth.organisation_id:
        raise Http404
    return access.need


def _by_slug(model, slugs, field):
    found = {item.slug: item for item in model.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ValidationError({field: _("Unknown: %(values)s.") % {"values": ", ".join(unknown)}})
    return [found[slug] for slug in slugs]


@router.get("/needs/", response={200: NeedPageOut, **ERRORS}, summary="List needs")
def need_list(request, page: Query[PageParams], status: str = ""):
    """Newest first; `status` filters (draft, published, closed, awarded, cancelled)."""
    needs = selectors.needs_for_buyers([_buyer(request)]).prefetch_related("sectors")
    if status:
        if status not in Need.Status.values:
            raise ValidationError({"status": _("Unknown status “%(status)s”.") % {"status": status}})
        needs = needs.filter(status=status)
    return page_of(request, needs, page, lambda need: _need_out(request, need))


@router.post("/needs/", response={201: NeedOut, **ERRORS}, auth=WRITE, summary="Create a draft need")
@decorate_view(idempotent)
def need_create(request, body: NeedIn):
    values = body.dict(exclude={"sectors", "region"})
    sectors = _by_slug(Sector, body.sectors, "sectors")
    region = _by_slug(Region, [body.region], "region")[0] if body.region else None
    need = Need(buyer=_buyer(request), region=region, **values)
    need = services.need_create(need=need, sectors=sectors, by=request.auth.created_by)
    return Status(201, _need_out(request, _own_need(request, need.pk)))


@router.get("/needs/{need_id}/", response={200: NeedOut, **ERRORS}, summary="Read a need")
def need_detail(request, need_id: int):
    return _need_out(request, _own_need(request, need_id))


@router.post("/needs/{need_id}/publish/", response={200: NeedOut, **ERRORS}, auth=WRITE,
             summary="Publish a draft need to the matching suppliers")  # fmt: skip
@decorate_view(idempotent)
def need_publish(request, need_id: int):
    need = services.need_publish(need=_own_need(request, need_id), by=request.auth.created_by)
    return _need_out(request, _own_need(request, need.pk))


@router.get("/needs/{need_id}/quotes/", response={200: list[QuoteOut], **ERRORS}, summary="Read a need's quotes")
def need_quotes(request, need_id: int):
    """Cheapest first, as the comparison page shows them (withdrawn quotes left out)."""
    return [_quote_out(quote) for quote in selectors.quotes_for_comparison(_own_need(request, need_id))]


@router.post("/needs/{need_id}/award/", response={201: AwardOut, **ERRORS}, auth=WRITE,
             summary="Award a need to one of its quotes")  # fmt: skip
@decorate_view(idempotent)
def need_award(request, need_id: int, body: AwardIn):
    """Places a purchase by invoice, as the award page does. The need must be closed to quotes."""
    need = _own_need(request, need_id)
    quote = Quote.objects.filter(need=need, pk=body.quote_id).first()
    if quote is None:
        raise Http404
    previous = Purchase.objects.filter(buyer_id=need.buyer_id).order_by("-created_at").first()
    data = AwardForm.initial_for(need.buyer, previous)
    data.update(wished_date=need.delivery_date, delivery_city=need.city or data["delivery_city"])
    data.update(body.dict(exclude={"quote_id"}, exclude_none=True))
    form = AwardForm(data={name: "" if value is None else value for name, value in data.items()}, need=need)
    if not form.is_valid():
        raise ValidationError({field: list(messages) for field, messages in form.errors.items()})
    award = services.need_award(need=need, quote=quote, by=request.auth.created_by, details=form.details())
    return Status(201, {"need_id": need.pk, "quote_id": award.quote_id, "purchase_number": award.purchase.number})


# Suppliers: invitations to quote and their quotes (mounted at /api/supplier/).

supplier_router = Router(tags=["supplier"], auth=ApiKeyAuth("supplier"))
INVITATION_RELATED = ("need__sectors", "need__quotes__supplier", "need__quotes__lines__supplier")
SUPPLIER_WRITE = ApiKeyAuth("supplier", write=True)


class InvitationOut(Schema):
    need_id: int
    status: str
    buyer: str
    need: NeedOut
    quote: QuoteOut | None


class InvitationPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[InvitationOut]


class QuoteLineIn(Schema):
    description: str
    quantity: Decimal
    unit: str = ""
    unit_price: Decimal
    vat_rate: Decimal
    kind: str = SERVICE


class QuoteIn(Schema):
    """The quote as the quote form takes it; sending it again replaces it until the deadline."""

    valid_until: date
    delivery_date: date
    message: str = ""
    lines: list[QuoteLineIn]


def _invitation_out(request, invitation, supplier) -> dict:
    quote = next(iter(invitation.need.quotes.all()), None)
    return {
        "need_id": invitation.need_id,
        "status": invitation.status,
        "buyer": invitation.need.buyer.name,
        "need": _need_out(request, invitation.need),
        "quote": _quote_out(quote) if quote is not None else None,
    }


def _supplier_of(request) -> Supplier:
    return Supplier.objects.get(pk=request.auth.organisation_id)


def _own_invitation(request, need_id: int):
    """The key's supplier's invitation to the need (never to a draft), as its inbox shows it."""
    supplier = _supplier_of(request)
    invitations = selectors.invitations_for_suppliers([supplier]).prefetch_related(*INVITATION_RELATED)
    invitation = invitations.filter(need_id=need_id).first()
    if invitation is None:
        raise Http404
    return invitation, supplier


@supplier_router.get("/invitations/", response={200: InvitationPageOut, **ERRORS}, summary="List invitations to quote")
def invitation_list(request, page: Query[PageParams], open: bool = False):
    """Newest first, each with the supplier's own quote; `open=true` keeps those still taking quotes."""
    supplier = _supplier_of(request)
    invitations = selectors.invitations_for_suppliers([supplier]).prefetch_related(*INVITATION_RELATED)
    if open:
        invitations = invitations.filter(need__status=Need.Status.PUBLISHED, need__deadline__gt=timezone.now())
    return page_of(request, invitations, page, lambda invitation: _invitation_out(request, invitation, supplier))


@supplier_router.get("/invitations/{need_id}/", response={200: InvitationOut, **ERRORS}, summary="Read an invitation")
def invitation_detail(request, need_id: int):
    invitation, supplier = _own_invitation(request, need_id)
    services.invitation_viewed(invitation=invitation)
    return _invitation_out(request, invitation, supplier)


@supplier_router.post("/invitations/{need_id}/quote/", response={200: InvitationOut, **ERRORS},
                      auth=SUPPLIER_WRITE, summary="Submit or replace a quote")  # fmt: skip
@decorate_view(idempotent)
def quote_submit(request, need_id: int, body: QuoteIn):
    """Checked as the quote form is (dates, lines, VAT by the buyer's and your country).
    A joint quote is prepared on the site (409 here)."""
    invitation, supplier = _own_invitation(request, need_id)
    existing = selectors.quote_of(need=invitation.need, supplier=supplier)
    if existing is not None and existing.joint:
        raise ApiError(409, "joint_quote", _("This need has a joint quote: change it on the site."))
    form = QuoteForm(data=body.dict(include={"valid_until", "delivery_date", "message"}), need=invitation.need)
    if not form.is_valid():
        raise ValidationError({field: list(messages) for field, messages in form.errors.items()})
    services.quote_submit(
        invitation=invitation,
        by=request.auth.created_by,
        lines=[QuoteLineData(**line.dict()) for line in body.lines],
        valid_until=form.cleaned_data["valid_until"],
        delivery_date=form.cleaned_data["delivery_date"],
        message=form.cleaned_data["message"],
    )
    invitation, supplier = _own_invitation(request, need_id)
    return _invitation_out(request, invitation, supplier)


# Buyers: shortlists of suppliers (mounted at /api/buyer/ with the needs).


class ShortlistOut(Schema):
    id: int
    name: str
    suppliers: list[str]  # slugs, as the directory and /api/search/suppliers/ give them


class ShortlistSupplierIn(Schema):
    supplier: str  # slug


def _shortlist_out(shortlist) -> dict:
    slugs = [supplier.slug for supplier in shortlists.shortlist_suppliers(shortlist)]
    return {"id": shortlist.pk, "name": shortlist.name, "suppliers": slugs}


def _own_shortlist(request, shortlist_id: int):
    shortlist = shortlists.shortlist_get(user=request.auth.created_by, pk=shortlist_id)
    if shortlist is None or shortlist.buyer_id != request.auth.organisation_id:
        raise Http404
    return shortlist


@router.get("/shortlists/", response={200: list[ShortlistOut], **ERRORS}, summary="List shortlists")
def shortlist_list(request):
    own = shortlists.shortlists_for(request.auth.created_by).filter(buyer_id=request.auth.organisation_id)
    return [_shortlist_out(shortlist) for shortlist in own]


@router.get("/shortlists/{shortlist_id}/", response={200: ShortlistOut, **ERRORS}, summary="Read a shortlist")
def shortlist_detail(request, shortlist_id: int):
    return _shortlist_out(_own_shortlist(request, shortlist_id))


@router.post("/shortlists/{shortlist_id}/suppliers/", response={200: ShortlistOut, **ERRORS}, auth=WRITE,
             summary="Add a supplier to a shortlist")  # fmt: skip
@decorate_view(idempotent)
def shortlist_add(request, shortlist_id: int, body: ShortlistSupplierIn):
    """Only verified social enterprises; adding one again changes nothing."""
    shortlist = _own_shortlist(request, shortlist_id)
    supplier = Supplier.objects.filter(slug=body.supplier).first()
    if supplier is None:
        raise ValidationError({"supplier": _("Unknown: %(values)s.") % {"values": body.supplier}})
    shortlists.shortlist_add(shortlist=shortlist, supplier=supplier, by=request.auth.created_by)
    return _shortlist_out(shortlist)


@router.delete("/shortlists/{shortlist_id}/suppliers/{supplier}/", response={200: ShortlistOut, **ERRORS},
               auth=WRITE, summary="Remove a supplier from a shortlist")  # fmt: skip
def shortlist_remove(request, shortlist_id: int, supplier: str):
    shortlist = _own_shortlist(request, shortlist_id)
    supplier_id = Supplier.objects.filter(slug=supplier).values_list("pk", flat=True).first()
    shortlists.shortlist_remove(shortlist=shortlist, supplier_id=supplier_id)
    return _shortlist_out(shortlist)
