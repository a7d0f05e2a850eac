"""Oscar's catalogue dashboard forms, with the rich text that suppliers and operators
write cleaned by the one sanitiser (marketplace.richtext) before it is stored, and
product attributes checked and worded as catalogue.attributes says (Oscar answered
"vat_rate attribute ['Must be a float']"), the VAT rate chosen by name."""

from django.core.exceptions import ValidationError
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar's fork convention)
from oscar.forms import widgets

from catalogue.attributes import SPECS, pricing_unit_shown, validate_attribute
from catalogue.cards import kind_name
from marketplace import richtext
from marketplace.organisations.forms import languages_label, written_columns
from marketplace.partner import vat
from marketplace.partner.forms import VatRateField, percent
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
    """Title and description in every language people write in (Serbian Latin is derived)."""

    rich_text_fields = written_columns("description")

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            *written_columns("title"), "upc", *written_columns("description"), "is_public", "is_discountable",
            "structure", "slug", "meta_title", "meta_description",
        ]  # fmt: skip

    def __init__(self, *args, supplier=None, **kwargs):
        super().__init__(*args, **kwargs)
        languages_label(self, ("title", "description"))
        for name, field in self.fields.items():
            code = name.removeprefix("attr_")
            if name.startswith("attr_") and code in SPECS:
                field.label = SPECS[code].label
        if "attr_pricing_unit" in self.fields:  # options are rows in English, named here in the reader's language
            self.fields["attr_pricing_unit"].label_from_instance = pricing_unit_shown
        if "attr_vat_rate" in self.fields and supplier is not None:
            current = self.initial.get("attr_vat_rate")
            self.fields["attr_vat_rate"] = VatRateField(country=supplier.country.code, current=current)
            if current is not None:
                self.initial["attr_vat_rate"] = percent(current)
            elif self.instance.pk is None and self.instance.product_class.slug == "goods" and supplier.sells_food:
                self.initial["attr_vat_rate"] = percent(vat.food_rate(supplier.country.code))

    def clean(self):
        cleaned_data = super().clean()
        for name in list(cleaned_data):
            code = name.removeprefix("attr_")
            empty_and_optional = cleaned_data[name] in (None, "") and not self.fields[name].required
            if name.startswith("attr_") and code in SPECS and name not in self.errors and not empty_and_optional:
                try:
                    cleaned_data[name] = validate_attribute(code, cleaned_data[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned_data

    def delete_non_child_fields(self):
        super().delete_non_child_fields()
        for name in written_columns("description"):
            self.fields.pop(name, None)


class ProductClassSelectForm(oscar_forms.ProductClassSelectForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_class"].label_from_instance = kind_name


class CategoryForm(RichTextFormMixin, oscar_forms.CategoryForm):
    """Name and description in every language (a sector's category follows its sector's names:
    catalogue.services.category_for_sector)."""

    rich_text_fields = written_columns("description")

    class Meta(oscar_forms.CategoryForm.Meta):
        fields = [
            *written_columns("name"), "slug", *written_columns("description"), "image", "is_public",
            "exclude_from_menu", "meta_title", "meta_description",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages_label(self, ("name", "description"))


class ImageInput(widgets.ImageInput):
    # Oscar's widget without its inline onload/onerror (static/js/base.js does their work);
    # a name of its own, as form widgets are rendered from the apps' templates only.
    template_name = "dashboard/catalogue/image_input_widget.html"


class ProductImageForm(oscar_forms.ProductImageForm):
    class Meta(oscar_forms.ProductImageForm.Meta):
        widgets = {**oscar_forms.ProductImageForm.Meta.widgets, "original": ImageInput()}

    def clean_original(self):
        return image_field_clean(self, "original")
