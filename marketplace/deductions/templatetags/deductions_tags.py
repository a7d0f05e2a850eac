from django import template
from django.utils import timezone

from ..rules import rule_for
from ..selectors import deductions_for

register = template.Library()


@register.inclusion_tag("deductions/summary.html")
def deductions_summary(buyer, year=None):
    """The impact report's block: what the buyer may deduct from its levy in `year`."""
    year = int(year or timezone.localdate().year)
    if rule_for(buyer.country, year) is None:
        return {"deductions": None}
    return {"deductions": deductions_for(buyer, year), "buyer": buyer, "year": year}
