from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from oscar.apps.catalogue import admin as oscar_admin
from oscar.apps.catalogue.admin import *  # noqa: F403  (Oscar's fork convention)

from marketplace import richtext
from marketplace.core import content


class RichTextAdminMixin:
    """Rich text written in the admin goes through the one sanitiser too (marketplace.richtext),
    in every language."""

    rich_text_fields = ("description",)

    def save_model(self, request, obj, form, change):
        translated = content.translated_fields(type(obj))
        for name in self.rich_text_fields:
            columns = [content.column(name, code) for code in content.languages()] if name in translated else [name]
            for column in columns:
                if getattr(obj, column, None):
                    setattr(obj, column, richtext.clean(getattr(obj, column)))
        super().save_model(request, obj, form, change)


class ProductAdmin(RichTextAdminMixin, TranslationAdmin, oscar_admin.ProductAdmin):
    readonly_fields = content.serbian_latin_columns(oscar_admin.Product)


class CategoryAdmin(RichTextAdminMixin, TranslationAdmin, oscar_admin.CategoryAdmin):
    rich_text_fields = ("description", "long_description")
    readonly_fields = content.serbian_latin_columns(oscar_admin.Category)


for model, model_admin in ((oscar_admin.Product, ProductAdmin), (oscar_admin.Category, CategoryAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
