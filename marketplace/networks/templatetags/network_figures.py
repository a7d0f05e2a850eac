from django import template

from ..dashboard.headlines import published_headlines

register = template.Library()


@register.inclusion_tag("networks/includes/headline_figures.html")
def network_headline_figures(network):
    """The public page's block: the headline figures the network's coordinators chose to show."""
    return {"headlines": published_headlines(network), "network": network}
