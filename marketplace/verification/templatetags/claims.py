from django import template
from django.utils import timezone
from django_countries import countries

from .. import reserved, selectors

register = template.Library()


@register.simple_tag
def verified_workforce(supplier):
    """The supplier's workforce claim verified and unexpired today, or None."""
    return selectors.verified_workforce(supplier, timezone.localdate())


@register.inclusion_tag("verification/reserved_badge.html")
def reserved_badge(supplier=None, codes=None):
    """ "May take reserved contracts (art. 20)" with the countries: from a supplier (its
    profile) or from the country codes a search card carries."""
    if codes is None:
        codes = selectors.reserved_countries(supplier, timezone.localdate()) if supplier else []
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
