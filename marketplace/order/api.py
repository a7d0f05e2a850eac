"""/api/buyer/purchases/…: a buyer's purchases and each supplier's part with its status
and payment state, read through the purchase pages' selectors, for the key's buyer only."""

from datetime import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Query, Router, Schema

from marketplace.apikeys.auth import ApiKeyAuth
from marketplace.apikeys.errors import ERRORS
from marketplace.apikeys.pagination import PageParams, page_of
from marketplace.organisations.models import Buyer

from .selectors import part_lines, part_payment_state, purchase_for_user, purchases_for_buyers

router = Router(tags=["buyer"], auth=ApiKeyAuth("buyer"))


class PurchasePartOut(Schema):
    number: str
    supplier: str
    status: str
    payment: str
    total_excl_tax: Decimal
    total_incl_tax: Decimal
    invoice_ids: list[int]


class PurchaseOut(Schema):
    number: str
    placed_at: datetime
    purchase_order_reference: str
    payment_method: str
    payment_status: str
    total_excl_tax: Decimal
    total_incl_tax: Decimal
    parts: list[PurchasePartOut]


class PurchasePageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[PurchaseOut]


class PartLineOut(Schema):
    title: str
    quantity: int
    price_excl_tax: Decimal
    price_incl_tax: Decimal


class PurchasePartDetailOut(PurchasePartOut):
    lines: list[PartLineOut]


def _part_out(part, purchase) -> dict:
    return {
        "number": part.number,
        "supplier": part.supplier.name if part.supplier_id else "",
        "status": part.status.lower().replace(" ", "_"),
        "payment": part_payment_state(part, purchase).code,
        "total_excl_tax": part.total_excl_tax,
        "total_incl_tax": part.total_incl_tax,
        "invoice_ids": [invoice.pk for invoice in part.invoices.all()],
    }


def _purchase_out(purchase) -> dict:
    return {
        "number": purchase.number,
        "placed_at": purchase.created_at,
        "purchase_order_reference": purchase.purchase_order_reference,
        "payment_method": purchase.payment_method,
        "payment_status": purchase.payment_status,
        "total_excl_tax": purchase.total_excl_tax,
        "total_incl_tax": purchase.total_incl_tax,
        "parts": [_part_out(part, purchase) for part in purchase.parts.all()],
    }


def _own_purchase(request, number: str):
    purchase = purchase_for_user(user=request.auth.created_by, number=number)
    if purchase is None or purchase.buyer_id != request.auth.organisation_id:
        raise Http404
    return purchase


@router.get("/purchases/", response={200: PurchasePageOut, **ERRORS}, summary="List purchases")
def purchase_list(request, page: Query[PageParams]):
    """Newest first, each with its parts (one per supplier)."""
    purchases = purchases_for_buyers(Buyer.objects.filter(pk=request.auth.organisation_id)).order_by("-created_at")
    return page_of(request, purchases, page, _purchase_out)


@router.get("/purchases/{number}/", response={200: PurchaseOut, **ERRORS}, summary="Read a purchase")
def purchase_detail(request, number: str):
    return _purchase_out(_own_purchase(request, number))


@router.get("/purchases/{number}/parts/{part_number}/", response={200: PurchasePartDetailOut, **ERRORS},
            summary="Read an order part of a purchase")  # fmt: skip
def purchase_part_detail(request, number: str, part_number: str):
    purchase = _own_purchase(request, number)
    part = next((part for part in purchase.parts.all() if part.number == part_number), None)
    if part is None:
        raise Http404
    lines = [
        {"title": line.title, "quantity": line.quantity, "price_excl_tax": line.line_price_excl_tax,
         "price_incl_tax": line.line_price_incl_tax}
        for line in part_lines(part)
    ]  # fmt: skip
    return {**_part_out(part, purchase), "lines": lines}
