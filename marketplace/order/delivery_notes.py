"""The delivery note of a supplier's confirmed part, as a PDF (drawn with
marketplace.core.pdf, like the invoice): what goes in the parcel and to whom, without
prices (the person who receives the goods is often not the one who pays for them), and
a box for the recipient to sign on receipt."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from catalogue.attributes import unit_of_sale
from marketplace.core import l10n, pdf
from marketplace.core.pdf import text

from .models import Order
from .selectors import part_lines, part_references


@dataclass(frozen=True)
class DeliveryLine:
    title: str
    sku: str
    quantity: int
    unit: str


def _unit(product) -> str:
    if product is None:  # a line the supplier priced in a quote, or a product since deleted
        return ""
    return unit_of_sale(product) or (unit_of_sale(product.parent) if product.is_child else "")


def delivery_lines(part: Order) -> list[DeliveryLine]:
    return [
        DeliveryLine(title=line.title, sku=line.partner_sku, quantity=line.quantity, unit=_unit(line.product))
        for line in part_lines(part).select_related("product__parent")
    ]


def _lines_table(lines, styles):
    header = [_("Item"), _("Supplier's SKU"), _("Quantity"), _("Unit")]
    rows = [
        [text(line.title, styles["base"]), text(line.sku or "–", styles["base"]), str(line.quantity), line.unit]
        for line in lines
    ]
    return pdf.lines_table(header, rows, [82 * mm, 40 * mm, 20 * mm, 28 * mm], styles, right_from=2)


def _receipt_block(styles):
    """Boxes for the recipient: name, date of receipt, signature, and what was missing."""
    blank = ""
    table = Table(
        [
            [text(_("Received by (name)"), styles["label"]), text(_("Date of receipt"), styles["label"])],
            [blank, blank],
            [text(_("Signature"), styles["label"]), text(_("Missing or damaged items"), styles["label"])],
            [blank, blank],
        ],
        colWidths=[pdf.WIDTH / 2, pdf.WIDTH / 2],
        rowHeights=[None, 14 * mm, None, 22 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def delivery_note_pdf(part: Order) -> bytes:
    """The part's delivery note (A4), dated the day it is printed."""
    styles = pdf.styles()
    part = Order.objects.select_related("supplier", "purchase__buyer").get(pk=part.pk)
    purchase, supplier = part.purchase, part.supplier
    title = _("Delivery note %(number)s") % {"number": part.number}
    facts = [
        (_("Date"), l10n.date_short(timezone.localdate())),
        (_("Ordered on"), l10n.date_short(timezone.localdate(part.date_placed))),
        *part_references(part),
        (_("Buyer"), purchase.buyer.name),
    ]
    if purchase.wished_date:
        facts.append((_("Wished delivery date"), l10n.date_short(purchase.wished_date)))
    story = [
        text(title, styles["heading"]),
        Spacer(0, 4 * mm),
        pdf.parties((_("From"), supplier.address_lines), (_("Deliver to"), purchase.delivery_lines), styles),
        Spacer(0, 6 * mm),
        pdf.facts(facts, styles),
        Spacer(0, 6 * mm),
        _lines_table(delivery_lines(part), styles),
        Spacer(0, 10 * mm),
        KeepTogether(
            [
                text(_("Goods received in good order, except as noted below."), styles["base"]),
                Spacer(0, 2 * mm),
                _receipt_block(styles),
            ]
        ),
        Spacer(0, 4 * mm),
        text(
            _("Sent by %(supplier)s through Responsible, the social-purchasing marketplace.")
            % {"supplier": supplier.name},
            styles["small"],
        ),
    ]
    return pdf.document(story, title=title, author=supplier.name)
