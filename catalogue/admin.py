from django.contrib import admin
from oscar.apps.catalogue import admin as oscar_admin
from oscar.apps.catalogue.admin import *  # noqa: F403  (Oscar's fork convention)

from marketplace import richtext


class RichTextAdminMixin:
    """Rich text written in the admin goes through the one sanitiser too (marketplace.richtext)."""

    rich_text_fields = ("description",)

    def save_model(self, request, obj, form, change):
        for name in self.rich_text_fields:
            setattr(obj, name, richtext.clean(getattr(obj, name)))
        super().save_model(request, obj, form, change)


class ProductAdmin(RichTextAdminMixin, oscar_admin.ProductAdmin):
    pass


class CategoryAdmin(RichTextAdminMixin, oscar_admin.CategoryAdmin):
    rich_text_fields = ("description", "long_description")


for model, model_admin in ((oscar_admin.Product, ProductAdmin), (oscar_admin.Category, CategoryAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
