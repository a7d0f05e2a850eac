from django import template
from django.utils import timezone
from django_countries import countries

from .. import reserved

register = template.Library()


@register.inclusion_tag("verification/reserved_badge.html")
def reserved_badge(codes):
    """ "May take reserved contracts (art. 20)" with the countries: the codes a profile's
    claims (selectors.profile_claims) or a search card carry."""
    return {"countries": [countries.name(code) for code in codes]}


@register.simple_tag
def label_names(card):
    """The names of a search card's labels (verified ones: Supplier.labels), in the
    reader's language, from the search vocabulary (cached: no query per card)."""
    from search.selectors import facet_vocabulary

    labels = facet_vocabulary()["label"]
    return [labels[slug][0] for slug in card.labels if slug in labels]


@register.inclusion_tag("verification/reserved_need.html")
def reserved_need(need):
    """On a reserved need: which country's rule applies (the buyer's) and its article."""
    country = need.reserved_in
    return {"country": countries.name(country), "rule": reserved.rule_for(country, timezone.localdate())}
