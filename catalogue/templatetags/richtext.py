from django import template

from marketplace import richtext as sanitiser

register = template.Library()


@register.filter
def clean_richtext(value):
    """Rich text written by users, cleaned by the allow-list (marketplace.richtext)."""
    return sanitiser.render(value)
