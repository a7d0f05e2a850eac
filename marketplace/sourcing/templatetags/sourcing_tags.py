from django import template

from marketplace.order.selectors import buyers_of
from marketplace.organisations.selectors import is_member

from ..shortlists import shortlists_for

register = template.Library()


@register.inclusion_tag("sourcing/includes/buyer_actions.html", takes_context=True)
def buyer_actions(context, supplier):
    """ "Add to a shortlist" and "Contact" on a supplier's profile, for members of a buyer;
    for anyone else, how to become able to (signing in, a buyer organisation)."""
    user = context["request"].user
    buyers = list(buyers_of(user)) if supplier.verified else []
    return {
        "supplier": supplier,
        "user": user,
        "own": is_member(user=user, organisation=supplier),
        "buyers": buyers,
        "shortlists": list(shortlists_for(user)) if buyers else [],
        "csrf_token": context.get("csrf_token"),
    }
