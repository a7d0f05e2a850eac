from django import template

from marketplace.order.models import part_status_label
from marketplace.order.selectors import (
    delivery_note_available,
    line_minimum,
    part_payment_state,
    purchase_payment_state,
    supplier_terms,
    vat_treatments_of,
)
from marketplace.partner.strategy import supplier_of_stockrecord

register = template.Library()


@register.simple_tag
def basket_groups(formset):
    """The basket's line forms grouped by supplier, each group with its subtotals and terms
    (lead time, delivery area), so that the buyer sees what each social enterprise will
    receive as its own order, and when."""
    groups = {}
    for form in formset:
        line = form.instance
        supplier = supplier_of_stockrecord(line.stockrecord)
        group = groups.setdefault(supplier.pk if supplier else None, {"supplier": supplier, "forms": []})
        group["forms"].append(form)
    for group in groups.values():
        lines = [form.instance for form in group["forms"]]
        group["total_excl_tax"] = sum(line.line_price_excl_tax or 0 for line in lines)
        group["total_incl_tax"] = sum(line.line_price_incl_tax or 0 for line in lines)
        group["terms"] = supplier_terms(lines)
        group["vat_treatments"] = vat_treatments_of(lines)
    return list(groups.values())


register.filter("line_minimum", line_minimum)
register.filter("part_payment", part_payment_state)
register.filter("purchase_payment", purchase_payment_state)
register.filter("part_status_label", part_status_label)
register.filter("has_delivery_note", delivery_note_available)
