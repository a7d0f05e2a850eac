from django import template

from catalogue.cards import KIND_LABELS

register = template.Library()


@register.filter
def product_kind(product_class) -> str:
    """A product class ("Goods", "Service": rows of the database, in English) by its name
    in the reader's language."""
    if not product_class:
        return ""
    return str(KIND_LABELS.get(product_class.slug, product_class.name))
