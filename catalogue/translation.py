"""Product titles and descriptions, and the shop's categories, in every language of the
site (django-modeltranslation; see marketplace.organisations.translation)."""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
