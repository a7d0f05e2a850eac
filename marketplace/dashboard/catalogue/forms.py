"""Oscar's catalogue dashboard forms, with the rich text that suppliers and operators
write cleaned by the one sanitiser (marketplace.richtext) before it is stored."""

from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar's fork convention)

from marketplace import richtext


class RichTextFormMixin:
    rich_text_fields = ("description",)

    def clean(self):
        cleaned_data = super().clean()
        for name in self.rich_text_fields:
            if name in cleaned_data:
                cleaned_data[name] = richtext.clean(cleaned_data[name])
        return cleaned_data


class ProductForm(RichTextFormMixin, oscar_forms.ProductForm):
    pass


class CategoryForm(RichTextFormMixin, oscar_forms.CategoryForm):
    pass
