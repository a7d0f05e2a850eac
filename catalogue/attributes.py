"""The attributes of our two product classes, *Goods* and *Service*: their codes,
the ranges a value must respect, and how a buyer reads them.

The rows themselves (ProductClass, ProductAttribute, the pricing-unit option group)
are created by the data migration `0034_product_classes_and_attributes`; this module
is what code uses to validate and display values:

- `validate_attribute(code, value)` cleans one value (forms, the CSV import);
- `attribute_rows(product)` lists "label: value" pairs for the product page.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

GOODS = "goods"
SERVICE = "service"

PRICING_UNIT_GROUP = "service-pricing-unit"  # code of the AttributeOptionGroup
# What one price of a service buys; options of the group above (migrations 0034, 0036).
PRICING_UNITS = {
    "hour": _("per hour"),
    "day": _("per day"),
    "month": _("per month"),
    "visit": _("per visit"),
    "delivery": _("per delivery"),
    "parcel": _("per parcel"),
    "person": _("per person"),
    "meal": _("per meal"),
    "m2": _("per m²"),
    "m3": _("per m³"),
    "kg": _("per kg"),
    "litre": _("per litre"),
    "piece": _("per piece"),
    "page": _("per page"),
    "pages-1000": _("per 1,000 pages"),
    "set": _("per set"),
    "room": _("per room"),
    "device": _("per device"),
    "pallet": _("per pallet"),
    "lot": _("per lot"),
    "project": _("fixed project"),
}
# A service's pricing unit as the unit of an invoice line ("3 hour(s)").
UNIT_NAMES = {
    "hour": _("hour"), "day": _("day"), "month": _("month"), "visit": _("visit"), "delivery": _("delivery"),
    "parcel": _("parcel"), "person": _("person"), "meal": _("meal"), "m2": _("m²"), "m3": _("m³"),
    "kg": _("kg"), "litre": _("litre"), "piece": _("piece"), "page": _("page"), "pages-1000": _("1,000 pages"),
    "set": _("set"), "room": _("room"), "device": _("device"), "pallet": _("pallet"), "lot": _("lot"),
    "project": _("project"),
}  # fmt: skip


@dataclass(frozen=True)
class Spec:
    code: str
    type: str  # an Oscar ProductAttribute type
    label: str
    minimum: int | None = None
    maximum: int | None = None


SPECS = {
    spec.code: spec
    for spec in [
        # Goods
        Spec("unit", "text", _("Unit of sale")),
        Spec("minimum_order_quantity", "integer", _("Minimum order"), minimum=1),
        Spec("lead_time_days", "integer", _("Lead time"), minimum=0),
        Spec("delivery_area", "text", _("Delivery area")),
        Spec("origin_region", "text", _("Made in")),
        Spec("recycled_share", "integer", _("Recycled material"), minimum=0, maximum=100),
        Spec("certifications", "text", _("Certifications")),
        # Services
        Spec("pricing_unit", "option", _("Pricing")),
        Spec("area_served", "text", _("Area served")),
        Spec("capacity_per_month", "integer", _("Capacity per month"), minimum=1),
        Spec("on_quote_only", "boolean", _("On quote only")),
        # Both: a rate other than the supplier country's standard rate (e.g. reduced rate for food)
        Spec("vat_rate", "float", _("VAT rate"), minimum=0, maximum=100),
    ]
}
GOODS_CODES = [
    "unit",
    "minimum_order_quantity",
    "lead_time_days",
    "delivery_area",
    "origin_region",
    "recycled_share",
    "certifications",
    "vat_rate",
]
SERVICE_CODES = ["pricing_unit", "area_served", "capacity_per_month", "on_quote_only", "vat_rate"]

_TRUE = {"1", "true", "yes", "y", "on", "x"}
_FALSE = {"0", "false", "no", "n", "off", ""}


def _integer(spec: Spec, value) -> int:
    if isinstance(value, bool):  # bool is an int subclass; True is not "1 day"
        raise ValidationError(_("%(label)s must be a whole number.") % {"label": spec.label})
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(_("%(label)s must be a whole number.") % {"label": spec.label}) from None
    if number != number.to_integral_value():
        raise ValidationError(_("%(label)s must be a whole number.") % {"label": spec.label})
    return int(number)


def _in_range(spec: Spec, number):
    if spec.minimum is not None and spec.maximum is not None and not spec.minimum <= number <= spec.maximum:
        raise ValidationError(
            _("%(label)s must be between %(min)s and %(max)s %%.")
            % {"label": spec.label, "min": spec.minimum, "max": spec.maximum}
        )
    if spec.minimum == 1 and number < 1:
        raise ValidationError(_("%(label)s must be at least 1.") % {"label": spec.label})
    if spec.minimum == 0 and number < 0:
        raise ValidationError(_("%(label)s cannot be negative.") % {"label": spec.label})
    return number


def validate_attribute(code: str, value):
    """Clean one attribute value of a Goods or Service product, or raise ValidationError
    with a message a supplier understands.

    `value` may be a Python value or the text of a form or CSV cell. Returns what to
    assign to `product.attr.<code>`:

    - text attributes: the stripped text (`certifications`: "A, B" normalised from "A,B ,");
      `unit` may not be empty;
    - integers: an int — `minimum_order_quantity` and `capacity_per_month` at least 1,
      `lead_time_days` 0 or more, `recycled_share` a percentage 0–100;
    - `vat_rate`: a float percentage 0–100 (e.g. 5.5);
    - `on_quote_only`: a bool (accepts yes/no, true/false, 1/0);
    - `pricing_unit`: the AttributeOption (accepts its code "hour", "day", "visit",
      "project", its label "per day", or an AttributeOption); this looks it up in the database.

    Empty values of optional attributes clean to None (meaning: not set).
    """
    try:
        spec = SPECS[code]
    except KeyError:
        raise ValidationError(_("Unknown attribute “%(code)s”.") % {"code": code}) from None
    if isinstance(value, str):
        value = value.strip()
    if spec.type != "boolean" and value in (None, ""):
        if code in ("unit", "pricing_unit"):
            raise ValidationError(_("%(label)s is required.") % {"label": spec.label})
        return None
    if spec.type == "text":
        if code == "unit":
            return goods_unit_stored(str(value))
        if code == "certifications":
            return ", ".join(part.strip() for part in str(value).split(",") if part.strip())
        return str(value)
    if spec.type == "integer":
        return _in_range(spec, _integer(spec, value))
    if spec.type == "float":
        try:
            number = float(str(value).replace(",", ".").rstrip("% "))
        except ValueError:
            raise ValidationError(_("%(label)s must be a number, e.g. 5.5.") % {"label": spec.label}) from None
        return _in_range(spec, number)
    if spec.type == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValidationError(_("%(label)s must be yes or no.") % {"label": spec.label})
    return _pricing_unit(value)


def _pricing_unit(value):
    AttributeOption = get_model("catalogue", "AttributeOption")
    options = AttributeOption.objects.filter(group__code=PRICING_UNIT_GROUP)
    if isinstance(value, AttributeOption):
        if value.group.code == PRICING_UNIT_GROUP:
            return value
    else:
        text = str(value).strip().lower()
        for option in options:
            if text in (option.code, option.option.lower(), str(PRICING_UNITS.get(option.code, "")).lower()):
                return option
    raise ValidationError(
        _("Pricing must be one of: %(choices)s.")
        % {"choices": ", ".join(str(label) for label in PRICING_UNITS.values())}
    )


def _plural(unit: str) -> str:
    """English plural of a unit of sale ("box" → "boxes"); suppliers type units in
    English in the demo, other languages keep the unit as written."""
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def attribute_rows(product) -> list[tuple[str, str]]:
    """The product's attributes as (label, text) pairs, in a fixed order, skipping
    unset ones and the VAT rate (the price line shows it). Reads `product.attr`,
    so prefetch attribute values (`Product.objects.prefetch_attribute_values()`)."""
    attr = product.attr
    value = lambda code: getattr(attr, code, None)  # noqa: E731
    rows = []
    unit = value("unit")
    if unit:
        rows.append((SPECS["unit"].label, unit_of_sale(product)))
    minimum = value("minimum_order_quantity")
    if minimum:
        if not unit:
            text = str(minimum)
        elif translation.get_language() == settings.LANGUAGE_CODE:
            text = f"{minimum} {unit if minimum == 1 else _plural(unit)}"
        else:  # the reader's word for a suggested unit; English plurals do not fit other languages
            text = f"{minimum} × {goods_unit_shown(unit)}"
        rows.append((SPECS["minimum_order_quantity"].label, text))
    lead = value("lead_time_days")
    if lead is not None:
        rows.append(
            (SPECS["lead_time_days"].label, ngettext("%(count)s day", "%(count)s days", lead) % {"count": lead})
        )
    for code in ("delivery_area", "origin_region"):
        if value(code):
            rows.append((SPECS[code].label, value(code)))
    recycled = value("recycled_share")
    if recycled is not None:
        rows.append((SPECS["recycled_share"].label, f"{recycled} %"))
    if value("certifications"):
        rows.append((SPECS["certifications"].label, value("certifications")))
    pricing = value("pricing_unit")
    if pricing is not None:
        rows.append((SPECS["pricing_unit"].label, pricing_unit_shown(pricing)))
    if value("area_served"):
        rows.append((SPECS["area_served"].label, value("area_served")))
    capacity = value("capacity_per_month")
    if capacity:
        rows.append((SPECS["capacity_per_month"].label, str(capacity)))
    if value("on_quote_only"):
        rows.append((_("Ordering"), str(SPECS["on_quote_only"].label)))
    return rows


# The units of sale suggested for goods, by the word stored; a supplier may write another ("jar", "crate").
GOODS_UNITS = {
    "piece": _("piece"), "kg": _("kg"), "litre": _("litre"), "m²": _("m²"), "m³": _("m³"),
    "pallet": _("pallet"), "lot": _("lot"), "box": _("box"), "pack": _("pack"),
}  # fmt: skip


def goods_unit_stored(text: str) -> str:
    """A suggested unit as a supplier wrote it in any language ("carton", "Karton", "кутија")
    as the word stored for it ("box"), so that every reader sees it in theirs; another
    unit stays as written."""
    return _unit_words().get(text.strip().casefold(), text)


@cache
def _unit_words() -> dict:
    """{a suggested unit's word in any language, casefolded: the word stored}."""
    words = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            words |= {str(word).casefold(): stored for stored, word in GOODS_UNITS.items()}
    return words | {stored.casefold(): stored for stored in GOODS_UNITS}


def goods_unit_shown(stored: str) -> str:
    """The word for a stored unit in the reader's language ("box" → "carton" in French)."""
    return str(GOODS_UNITS.get(stored, stored))


def pricing_unit_shown(option) -> str:
    """A service's pricing unit (an option row, stored in English) in the reader's language."""
    return str(PRICING_UNITS.get(option.code, option.option))


def unit_of_sale(product) -> str:
    """What one of the product is sold as: a goods' unit ("box") or a service's pricing
    unit ("per hour"); "" when the supplier set neither."""
    unit = getattr(product.attr, "unit", None)
    if unit:
        return goods_unit_shown(unit)
    pricing = getattr(product.attr, "pricing_unit", None)
    if pricing is not None:
        return pricing_unit_shown(pricing)
    return ""


def unit_stored(product) -> str:
    """The unit one of the product is sold in, as stored: a goods' unit ("box") or a
    service's pricing unit code ("hour"); "" when the supplier set neither."""
    unit = getattr(product.attr, "unit", None)
    if unit:
        return unit
    pricing = getattr(product.attr, "pricing_unit", None)
    return pricing.code if pricing is not None else ""


def unit_shown(stored: str) -> str:
    """A unit stored by unit_stored, in the reader's language ("hour" → "heure")."""
    if stored in GOODS_UNITS:
        return goods_unit_shown(stored)
    return str(UNIT_NAMES.get(stored, stored))


def is_on_quote_only(product) -> bool:
    return bool(getattr(product.attr, "on_quote_only", False))


def vat_rate_override(product):
    """The product's own VAT rate (percent, Decimal) or None to use the country's rate."""
    rate = getattr(product.attr, "vat_rate", None)
    return None if rate is None else Decimal(str(rate))


def minimum_order_quantity(product) -> int:
    """The smallest quantity a buyer may order (1 when the supplier set none)."""
    minimum = getattr(product.attr, "minimum_order_quantity", None)
    if minimum is None and product.is_child:
        minimum = getattr(product.parent.attr, "minimum_order_quantity", None)
    return minimum or 1
