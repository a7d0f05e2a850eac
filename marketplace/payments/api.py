"""/api/buyer/invoices/…: the invoices and credit notes of the key's buyer, and each as
PDF (Factur-X) or UBL (Peppol BIS 3), read through payments.selectors as the invoice
pages are."""

from datetime import date
from decimal import Decimal

from django.http import Http404, HttpResponse
from ninja import Query, Router, Schema

from marketplace.apikeys.auth import ApiKeyAuth
from marketplace.apikeys.errors import ERRORS
from marketplace.apikeys.pagination import PageParams, page_of
from marketplace.core import pdf

from . import selectors
from .einvoices import invoice_facturx_pdf, invoice_ubl
from .invoices import invoice_filename
from .models import Invoice

router = Router(tags=["buyer"], auth=ApiKeyAuth("buyer"))


class InvoiceOut(Schema):
    id: int
    kind: str
    number: str
    supplier: str
    order_part: str
    issued_on: date
    due_on: date
    status: str
    paid_on: date | None
    currency: str
    total_excl_tax: Decimal
    total_tax: Decimal
    total_incl_tax: Decimal


class InvoicePageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[InvoiceOut]


def _buyer_invoices(request):
    return selectors.invoices_for_user(request.auth.created_by).filter(
        order__purchase__buyer_id=request.auth.organisation_id
    )


INVOICE_FIELDS = ("id", "kind", "number", "issued_on", "due_on", "status", "paid_on", "currency", "total_excl_tax",
                  "total_tax", "total_incl_tax")  # fmt: skip


def _invoice_out(invoice) -> dict:
    return {
        **{name: getattr(invoice, name) for name in INVOICE_FIELDS},
        "supplier": invoice.supplier.name,
        "order_part": invoice.order.number,
    }


def _own_invoice(request, invoice_id: int) -> Invoice:
    invoice = _buyer_invoices(request).filter(pk=invoice_id).first()
    if invoice is None:
        raise Http404
    return invoice


@router.get("/invoices/", response={200: InvoicePageOut, **ERRORS}, summary="List invoices")
def invoice_list(request, page: Query[PageParams], status: str = ""):
    """Newest first; `status` filters (open, paid, void)."""
    invoices = _buyer_invoices(request).select_related("order").order_by("-issued_on", "-pk")
    if status:
        invoices = invoices.filter(status=status)
    return page_of(request, invoices, page, _invoice_out)


@router.get("/invoices/{invoice_id}/", response={200: InvoiceOut, **ERRORS}, summary="Read an invoice")
def invoice_detail(request, invoice_id: int):
    return _invoice_out(_own_invoice(request, invoice_id))


@router.get("/invoices/{invoice_id}/pdf/", response={200: bytes, **ERRORS}, summary="Download an invoice as PDF",
            openapi_extra={"responses": {200: {"content": {"application/pdf": {}}}}})  # fmt: skip
def invoice_pdf(request, invoice_id: int):
    invoice = _own_invoice(request, invoice_id)
    return pdf.download(invoice_facturx_pdf(invoice), invoice_filename(invoice, "pdf"))


@router.get("/invoices/{invoice_id}/ubl/", response={200: bytes, **ERRORS}, summary="Download an invoice as UBL",
            openapi_extra={"responses": {200: {"content": {"application/xml": {}}}}})  # fmt: skip
def invoice_ubl_download(request, invoice_id: int):
    invoice = _own_invoice(request, invoice_id)
    response = HttpResponse(invoice_ubl(invoice), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{invoice_filename(invoice, "xml")}"'
    response["Cache-Control"] = "private, no-store"
    return response
