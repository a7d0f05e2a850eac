from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from marketplace.uploads import document_clean

from .rules import STATUS_COUNTRY, Status


def status_choices():
    """The statuses grouped under their country's name."""
    groups: dict[str, list] = {}
    for status in Status:
        groups.setdefault(STATUS_COUNTRY[status], []).append((status.value, status.label))
    return [("", "---------")] + [(countries.name(code), choices) for code, choices in groups.items()]


class LegalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Legal status"), choices=status_choices)
    registry_reference = forms.CharField(
        label=_("Registry reference"),
        max_length=100,
        help_text=_("The number that identifies you in the register: SIRET or FINESS, agreement number…"),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty when the status does not expire."),
    )
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("Optional: your agreement or recognition, as PDF, PNG or JPEG (at most 10 MB)."),
    )

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        return document_clean(upload) if upload else None


class LabourSharesForm(forms.Form):
    """One percentage field per product of the supplier; an empty field removes the share."""

    def __init__(self, *args, products, shares: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.products = list(products)
        for product in self.products:
            self.fields[f"share_{product.pk}"] = forms.DecimalField(
                label=_("Labour share of %(product)s (%%)") % {"product": product.get_title()},
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=2,
                initial=shares.get(product.pk),
                widget=forms.NumberInput(attrs={"step": "0.01", "class": "form-control form-control-sm"}),
            )

    def rows(self):
        return [(product, self[f"share_{product.pk}"]) for product in self.products]

    def shares(self) -> dict:
        return {product: self.cleaned_data.get(f"share_{product.pk}") for product in self.products}
