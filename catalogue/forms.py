"""The product form of the supplier workspace, in the supplier's words: goods or a
service, the unit it is sold in, the price excluding VAT and the VAT rate by name, stock
or lead time, minimum order. It gives the values of one row of the spreadsheet import
(catalogue.imports), so a product saved here is checked exactly as a file's row is.
Beside it, the product's photos: a new one with its alternative text, and the ones it
has, each described, placed or removed (catalogue.services)."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.core import content, limits
from marketplace.organisations.forms import WrittenInLanguagesMixin
from marketplace.partner import vat
from marketplace.partner.forms import VatRateField, percent
from marketplace.uploads import MAX_IMAGE_BYTES, image_field_clean

from . import imports
from .attributes import GOODS, GOODS_UNITS, PRICING_UNITS, SERVICE, SPECS, goods_unit_shown
from .services import PhotoChange

ProductImage = get_model("catalogue", "ProductImage")


class SupplierProductForm(WrittenInLanguagesMixin, forms.Form):
    """Its name and description in the supplier's own language (required as before), and
    optionally in the others (see WrittenInLanguagesMixin)."""

    written_fields = imports.WRITTEN

    kind = forms.ChoiceField(
        label=_("What do you sell?"), choices=[(GOODS, _("Goods")), (SERVICE, _("A service"))],
        widget=forms.RadioSelect, initial=GOODS,
    )  # fmt: skip
    title = forms.CharField(label=_("Name"), max_length=limits.TITLE)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=limits.DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    category = forms.ChoiceField(label=_("Category"))
    unit = forms.CharField(
        label=SPECS["unit"].label, required=False, max_length=40,
        help_text=_("What one price buys, e.g. piece, kg, litre, pallet."),
        widget=forms.TextInput(attrs={"list": "goods-units"}),
    )  # fmt: skip
    pricing_unit = forms.ChoiceField(
        label=_("Priced"), required=False, choices=[("", "---------"), *PRICING_UNITS.items()]
    )
    price = forms.DecimalField(
        label=_("Price excl. VAT (€)"), min_value=0, max_digits=12, decimal_places=2,
        help_text=_("For one unit. For services on quote only, the usual starting price."),
    )  # fmt: skip
    stock = forms.IntegerField(label=_("In stock"), required=False, min_value=0)
    lead_time_days = forms.IntegerField(label=_("Lead time in days"), required=False, min_value=0)
    minimum_order_quantity = forms.IntegerField(
        label=SPECS["minimum_order_quantity"].label, required=False, min_value=1
    )
    on_quote_only = forms.BooleanField(
        label=_("On quote only"), required=False, help_text=_("Buyers ask for a quote instead of ordering.")
    )
    sku = forms.CharField(
        label=_("Your reference"), required=False, max_length=128,
        help_text=_("Your own code for it (SKU). Left empty, one is made from the name."),
    )  # fmt: skip

    fieldsets = [
        (_("What it is"), ["kind", "title", "description", "category"]),
        (_("Price"), ["unit", "pricing_unit", "price", "vat_rate", "minimum_order_quantity", "on_quote_only"]),
        (_("Availability"), ["stock", "lead_time_days", "sku"]),
    ]

    def __init__(self, *args, supplier, product=None, **kwargs):
        self.supplier, self.product = supplier, product
        if product is not None:
            values = imports.product_values(supplier=supplier, product=product)
            saved = {
                **values, "on_quote_only": values.get("on_quote_only") == "yes",
                "unit": goods_unit_shown(values.get("unit") or ""),
            }  # fmt: skip
            kwargs["initial"] = {**saved, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        for name in self.written_fields:
            for code, _label in content.WRITING_LANGUAGES:
                self.fields[content.column(name, code)] = copy.deepcopy(self.fields[name])
            del self.fields[name]
        self.languages_setup(supplier.language)
        self.fields["category"].choices = [("", "---------")] + [
            (path, path) for _category, path in imports._category_names().values()
        ]
        current = float(self.initial["vat_rate"]) if self.initial.get("vat_rate") else None
        self.fields["vat_rate"] = VatRateField(country=supplier.country.code, current=current)
        if product is None and supplier.sells_food:
            self.initial["vat_rate"] = percent(vat.food_rate(supplier.country.code))
        if product is not None:
            self.fields["kind"].disabled = True  # a product keeps its kind (its attributes differ)
            self.fields["sku"].disabled = True  # the SKU identifies the product in files
        self.goods_units = [str(unit) for unit in GOODS_UNITS.values()]

    def clean(self):
        data = super().clean()
        if data.get("kind") == GOODS and data.get("stock") is None and "stock" not in self.errors:
            self.add_error("stock", _("Say how many you have in stock (0 or more)."))
        if data.get("kind") == GOODS and not data.get("unit"):
            self.add_error("unit", _("Say what one price buys, e.g. piece or kg."))
        if data.get("kind") == SERVICE and not data.get("pricing_unit"):
            self.add_error("pricing_unit", _("Say what one price buys, e.g. per hour."))
        return data

    def row(self) -> dict:
        """The cleaned values as one row of an import file."""
        data = self.cleaned_data
        kind = data["kind"]

        def text(value):
            return "" if value is None else str(value)

        row = {
            "kind": kind, "title": data["title"], "description": data["description"], "category": data["category"],
            "sku": data.get("sku") or imports.sku_for(supplier=self.supplier, title=data["title"]),
            "price": text(data["price"]), "vat_rate": text(data.get("vat_rate")),
        }  # fmt: skip
        for _language, _title, names in self.language_groups():
            row |= {name: data.get(name) or "" for name in names}
        if kind == GOODS:
            row |= {
                "stock": text(data["stock"]), "unit": data["unit"],
                "minimum_order_quantity": text(data["minimum_order_quantity"]),
                "lead_time_days": text(data["lead_time_days"]),
            }  # fmt: skip
        else:
            row |= {"pricing_unit": data["pricing_unit"], "on_quote_only": "yes" if data["on_quote_only"] else "no"}
        return row


ALT_TEXT_LABEL = _("Description for screen readers")
ALT_TEXT_HELP = _("What the photo shows, for people who cannot see it, e.g. “three stacked oak crates”.")
ALT_TEXT_MISSING = _("Say what the photo shows, for people who cannot see it.")
ALT_TEXT_MAX = ProductImage._meta.get_field("caption").max_length


class ProductPhotoForm(forms.Form):
    """A new photo of a product, checked to be a real JPEG, PNG or WebP image (by its
    content, marketplace.uploads), with its alternative text. Optional beside the form of
    a new product (`required=False`), where only a chosen photo needs its text."""

    image = forms.FileField(
        label=_("Photo"),
        help_text=_("A JPEG, PNG or WebP image of at most %(size)s MB.") % {"size": MAX_IMAGE_BYTES // 2**20},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"required": _("Choose a photo to upload.")},
    )
    alt_text = forms.CharField(
        label=ALT_TEXT_LABEL, help_text=ALT_TEXT_HELP, max_length=ALT_TEXT_MAX,
        error_messages={"required": ALT_TEXT_MISSING},
    )  # fmt: skip

    def __init__(self, *args, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = required

    def clean_image(self):
        return image_field_clean(self, "image")

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("alt_text") and "alt_text" not in self.errors:
            self.add_error("alt_text", ALT_TEXT_MISSING)
        return data


class ProductPhotoChangeForm(forms.ModelForm):
    """One photo the product has: its alternative text and its place (1 for the main photo)."""

    position = forms.IntegerField(label=_("Position"), min_value=1, help_text=_("1 is the main photo, shown first."))

    class Meta:
        model = ProductImage
        fields = ["caption"]
        labels = {"caption": ALT_TEXT_LABEL}
        help_texts = {"caption": ALT_TEXT_HELP}
        error_messages = {"caption": {"required": ALT_TEXT_MISSING}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caption"].required = True
        self.initial.setdefault("position", self.instance.display_order + 1)

    def change(self) -> PhotoChange:
        data = self.cleaned_data
        return PhotoChange(
            image=self.instance,
            alt_text=data.get("caption") or "",
            position=data.get("position") or 1,
            remove=bool(data.get("DELETE")),
        )


class BaseProductPhotoFormSet(forms.BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this photo")

    def changes(self) -> list[PhotoChange]:
        """What the member asked, photo by photo (only photos the product had: the form set adds none)."""
        return [form.change() for form in self.initial_forms]


ProductPhotoFormSet = forms.modelformset_factory(
    ProductImage, form=ProductPhotoChangeForm, formset=BaseProductPhotoFormSet, extra=0, can_delete=True, edit_only=True
)
