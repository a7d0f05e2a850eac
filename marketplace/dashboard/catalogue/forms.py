"""Oscar's catalogue dashboard forms, with the rich text that suppliers and operators
write cleaned by the one sanitiser (marketplace.richtext) before it is stored."""

from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar's fork convention)
from oscar.forms import widgets

from marketplace import richtext
from marketplace.uploads import image_field_clean


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


class ImageInput(widgets.ImageInput):
    # Oscar's widget without its inline onload/onerror (static/js/base.js does their work);
    # a name of its own, as form widgets are rendered from the apps' templates only.
    template_name = "dashboard/catalogue/image_input_widget.html"


class ProductImageForm(oscar_forms.ProductImageForm):
    class Meta(oscar_forms.ProductImageForm.Meta):
        widgets = {**oscar_forms.ProductImageForm.Meta.widgets, "original": ImageInput()}

    def clean_original(self):
        return image_field_clean(self, "original")
