"""/api/supplier/…: a supplier's system keeps its products, stock and prices and its
order parts in step with the workspace, through the workspace's own services
(catalogue.imports.product_save, catalogue.services.product_photo_add,
workspace.services.part_step) and selectors, for the key's supplier only."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.decorators import decorate_view
from oscar.core.loading import get_model

from catalogue import imports
from catalogue import services as catalogue_services
from marketplace.apikeys.auth import ApiKeyAuth
from marketplace.apikeys.errors import ERRORS, ApiError
from marketplace.apikeys.idempotency import idempotent
from marketplace.apikeys.pagination import PageParams, page_of
from marketplace.order.models import PartStatus
from marketplace.order.selectors import part_lines
from marketplace.organisations.models import Supplier
from marketplace.uploads import image_clean

from . import selectors, services

Product = get_model("catalogue", "Product")

READ = ApiKeyAuth("supplier")
WRITE = ApiKeyAuth("supplier", write=True)
router = Router(tags=["supplier"], auth=READ)

# The API's names of the part statuses (Oscar's are capitalised English words).
PART_STATUSES = {status.lower().replace(" ", "_"): status for status in (
    PartStatus.AWAITING_PAYMENT, PartStatus.PLACED, PartStatus.ACCEPTED, PartStatus.REJECTED, PartStatus.SHIPPED,
    PartStatus.DELIVERED, PartStatus.COMPLETED, PartStatus.CANCELLED,
)}  # fmt: skip
STATUS_NAMES = {status: name for name, status in PART_STATUSES.items()}
EXTRA_COLUMNS = set(imports.ATTRIBUTE_COLUMNS) | set(imports.LANGUAGE_COLUMNS)


def _supplier(request) -> Supplier:
    return Supplier.objects.select_related("partner").get(pk=request.auth.organisation_id)


# Products


class ProductOut(Schema):
    id: int
    sku: str
    kind: str
    title: str
    price: Decimal | None
    stock: int | None
    public: bool


class ProductDetailOut(ProductOut):
    values: dict[str, str]


class ProductPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[ProductOut]


class ProductIn(Schema):
    """A product in the columns of the catalogue import (see the workspace's import
    template); `attributes` holds the other columns (unit, lead_time_days, pricing_unit…)."""

    kind: str
    title: str
    category: str
    sku: str
    price: Decimal
    stock: int | None = None
    description: str = ""
    attributes: dict[str, str] = {}


class ProductChangeIn(Schema):
    """What changes; every field left out keeps its value. The SKU names the product
    in the supplier's files and does not change."""

    title: str | None = None
    category: str | None = None
    price: Decimal | None = None
    stock: int | None = None
    description: str | None = None
    attributes: dict[str, str] = {}


class PhotoOut(Schema):
    id: int
    position: int
    alt_text: str


def _product_out(product) -> dict:
    record = product.supplier_records[0] if product.supplier_records else None
    return {
        "id": product.pk,
        "sku": record.partner_sku if record else "",
        "kind": product.product_class.slug if product.product_class else "",
        "title": product.title,
        "price": record.price if record else None,
        "stock": record.num_in_stock if record else None,
        "public": product.is_public,
    }


def _own_product(supplier, pk: int):
    product = selectors.products_for_supplier(supplier).filter(pk=pk).first()
    if product is None:
        raise Http404
    return product


def _attributes(body) -> dict:
    attributes = dict(body.attributes)
    unknown = sorted(set(attributes) - EXTRA_COLUMNS)
    if unknown:
        raise ValidationError({"attributes": _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}})
    return attributes


def _product_detail(supplier, product) -> dict:
    product = _own_product(supplier, product.pk)
    return {**_product_out(product), "values": imports.product_values(supplier=supplier, product=product)}


@router.get("/products/", response={200: ProductPageOut, **ERRORS}, summary="List products and services")
def product_list(request, page: Query[PageParams], kind: str = "", sku: str = ""):
    """The supplier's goods and services by title; `kind` (goods, service) and `sku` filter."""
    products = selectors.products_for_supplier(_supplier(request))
    if kind:
        products = products.filter(product_class__slug=kind)
    if sku:
        products = products.filter(stockrecords__partner_sku=sku)
    return page_of(request, products, page, _product_out)


@router.get("/products/{product_id}/", response={200: ProductDetailOut, **ERRORS}, summary="Read a product")
def product_detail(request, product_id: int):
    supplier = _supplier(request)
    return _product_detail(supplier, _own_product(supplier, product_id))


@router.post("/products/", response={201: ProductDetailOut, **ERRORS}, auth=WRITE, summary="Create a product")
@decorate_view(idempotent)
def product_create(request, body: ProductIn):
    """Checked as a row of the catalogue import is; a SKU the supplier already uses is a 409."""
    supplier = _supplier(request)
    if supplier.partner.stockrecords.filter(partner_sku=body.sku.strip()).exists():
        raise ApiError(409, "conflict", _("You already have a product with SKU “%(sku)s”.") % {"sku": body.sku})
    values = {name: "" if value is None else str(value) for name, value in body.dict(exclude={"attributes"}).items()}
    product = imports.product_save(supplier=supplier, values={**values, **_attributes(body)})
    return Status(201, _product_detail(supplier, product))


@router.patch(
    "/products/{product_id}/",
    response={200: ProductDetailOut, **ERRORS},
    auth=WRITE,
    summary="Change a product, its stock or price",
)
def product_update(request, product_id: int, body: ProductChangeIn):
    supplier = _supplier(request)
    product = _own_product(supplier, product_id)
    values = imports.product_values(supplier=supplier, product=product)
    changes = {name: "" if value is None else str(value) for name, value in body.dict(
        exclude_unset=True, exclude={"attributes"}).items()}  # fmt: skip
    product = imports.product_save(supplier=supplier, values={**values, **changes, **_attributes(body)})
    return _product_detail(supplier, product)


@router.post(
    "/products/{product_id}/photos/",
    response={201: PhotoOut, **ERRORS},
    auth=WRITE,
    summary="Add a photo to a product",
)
@decorate_view(idempotent)
def product_photo_add(request, product_id: int, image: File[UploadedFile], alt_text: Form[str]):
    """JPEG, PNG or WebP of at most 5 MB, checked by its content as the workspace does;
    `alt_text` describes it for screen readers."""
    supplier = _supplier(request)
    product = _own_product(supplier, product_id)
    photo = catalogue_services.product_photo_add(
        supplier=supplier, product=product, by=request.auth.created_by, image=image_clean(image), alt_text=alt_text
    )
    return Status(201, {"id": photo.pk, "position": photo.display_order + 1, "alt_text": photo.caption})


# Order parts


class PartLineOut(Schema):
    product_id: int | None
    title: str
    sku: str
    quantity: int
    price_excl_tax: Decimal
    price_incl_tax: Decimal


class PartOut(Schema):
    number: str
    status: str
    placed_at: str
    buyer: str
    total_excl_tax: Decimal
    total_incl_tax: Decimal
    next_steps: list[str]


class PartDetailOut(PartOut):
    lines: list[PartLineOut]


class PartPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[PartOut]


class PartStepIn(Schema):
    """`accepted` (confirm), `rejected` (decline, with a reason), `shipped` (dispatched),
    `delivered`, `completed` or `cancelled` (a confirmed part, with a reason)."""

    status: str
    reason: str = ""


def _part_out(part) -> dict:
    return {
        "number": part.number,
        "status": STATUS_NAMES.get(part.status, part.status),
        "placed_at": part.date_placed.isoformat(),
        "buyer": part.purchase.buyer.name if part.purchase_id else "",
        "total_excl_tax": part.total_excl_tax,
        "total_incl_tax": part.total_incl_tax,
        "next_steps": [STATUS_NAMES[status] for status, _label in selectors.part_steps(part)],
    }


def _part_detail(part) -> dict:
    lines = [
        {
            "product_id": line.product_id,
            "title": line.title,
            "sku": line.partner_sku,
            "quantity": line.quantity,
            "price_excl_tax": line.line_price_excl_tax,
            "price_incl_tax": line.line_price_incl_tax,
        }
        for line in part_lines(part)
    ]
    return {**_part_out(part), "lines": lines}


def _own_part(request, number: str):
    part = selectors.part_for_supplier(supplier=_supplier(request), number=number)
    if part is None:
        raise Http404
    return part


@router.get("/order-parts/", response={200: PartPageOut, **ERRORS}, summary="List order parts")
def part_list(request, page: Query[PageParams], status: str = ""):
    """Newest first; `status` filters (placed, accepted, shipped…)."""
    if status and status not in PART_STATUSES:
        raise ValidationError({"status": _("Unknown status “%(status)s”.") % {"status": status}})
    parts = selectors.parts_for_supplier(_supplier(request), status=PART_STATUSES.get(status, ""))
    return page_of(request, parts, page, _part_out)


@router.get("/order-parts/{number}/", response={200: PartDetailOut, **ERRORS}, summary="Read an order part")
def part_detail(request, number: str):
    return _part_detail(_own_part(request, number))


@router.post("/order-parts/{number}/status/", response={200: PartDetailOut, **ERRORS}, auth=WRITE,
             summary="Move an order part to its next status")  # fmt: skip
@decorate_view(idempotent)
def part_step(request, number: str, body: PartStepIn):
    """Only the steps the workspace offers now (`next_steps`); others are a 409."""
    part = _own_part(request, number)
    status = PART_STATUSES.get(body.status)
    if status not in {step for step, _label in selectors.part_steps(part)}:
        message = _("This order part cannot move to “%(status)s” now.") % {"status": body.status}
        raise ApiError(409, "invalid_status", message)
    part = services.part_step(part=part, status=status, by=request.auth.created_by, reason=body.reason)
    return _part_detail(_own_part(request, part.number))
