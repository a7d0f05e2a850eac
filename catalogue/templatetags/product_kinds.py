from django import template

from catalogue.cards import kind_name

register = template.Library()

register.filter("product_kind", kind_name)
